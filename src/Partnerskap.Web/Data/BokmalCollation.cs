using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Partnerskap.Domain.Common;

namespace Partnerskap.Web.Data;

/// <summary>
/// Names sorted in the database in bokmål order (… Z, Æ, Ø, Å; case ignored), the same on both providers:
/// <c>OrderByBokmal(m =&gt; m.Name)</c> sorts by <c>Name COLLATE bokmal</c>. PostgreSQL has <see cref="Bokmal.Collation"/>
/// as an ICU collation (<see cref="PostgresAppDbContext"/>); SQLite gets it from <see cref="SqliteInterceptor"/> on every
/// connection it opens. Columns keep the provider's default collation, so equality and unique indexes are unchanged.
/// </summary>
public static class BokmalCollation
{
    /// <summary>Registers the collation on each SQLite connection as it opens (calling <see cref="Bokmal.Order"/>).</summary>
    public static readonly IInterceptor SqliteInterceptor = new SqliteCollationInterceptor();

    private static readonly MethodInfo Collate = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    private static readonly Expression Functions = Expression.Property(null, typeof(EF), nameof(EF.Functions));

    public static IOrderedQueryable<T> OrderByBokmal<T>(this IQueryable<T> source, Expression<Func<T, string>> name) =>
        source.OrderBy(Collated(name));

    /// <summary><c>x =&gt; EF.Functions.Collate(name(x), "bokmal")</c>.</summary>
    private static Expression<Func<T, string>> Collated<T>(Expression<Func<T, string>> name) =>
        Expression.Lambda<Func<T, string>>(Expression.Call(Collate, Functions, name.Body, Expression.Constant(Bokmal.Collation)), name.Parameters);

    private sealed class SqliteCollationInterceptor : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        // SQLite never hands NULL to a collation (NULLs sort first without it); the comparer takes nulls anyway.
        private static void Register(DbConnection connection) =>
            (connection as SqliteConnection)?.CreateCollation(Bokmal.Collation, static (a, b) => Bokmal.Order.Compare(a, b));
    }
}
