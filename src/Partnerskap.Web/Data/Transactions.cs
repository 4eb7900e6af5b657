using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Partnerskap.Web.Data;

/// <summary>
/// A unit of work that joins the caller's transaction when there is one, or owns a new one. Commit and dispose act only
/// on a transaction it owns, so a service can be called on its own or inside a larger change (all or nothing).
/// </summary>
public sealed class JoinedTransaction(IDbContextTransaction? own) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => own?.CommitAsync(ct) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => own?.DisposeAsync() ?? ValueTask.CompletedTask;
}

public static class TransactionExtensions
{
    public static async Task<JoinedTransaction> JoinOrBeginTransactionAsync(this DatabaseFacade database, CancellationToken ct) =>
        new(database.CurrentTransaction is null ? await database.BeginTransactionAsync(ct) : null);
}
