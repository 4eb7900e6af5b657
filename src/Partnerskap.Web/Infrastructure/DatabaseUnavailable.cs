using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// The database cannot be reached (PostgreSQL down or refusing connections, SQLite busy or its file unopenable, a
/// command timeout). API requests get 503 problem+json with Retry-After; pages get the 503 error page (ErrorModel).
/// Nothing is kept between requests: the next request simply tries the database again.
/// </summary>
public sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public const string Detail = "The database is unavailable; nothing was saved. Try again shortly.";
    public const int RetryAfterSeconds = 10;

    private const int SqliteBusy = 5;
    private const int SqliteCantOpen = 14;

    /// <summary>True when <paramref name="exception"/> or one of its inner exceptions says the database cannot be reached.</summary>
    public static bool IsDatabaseUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient || npgsql.InnerException is SocketException:
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteCantOpen }:
                case TimeoutException:
                    return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsDatabaseUnavailable))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsDatabaseUnavailable(exception))
        {
            return false;
        }

        logger.LogWarning(exception, "Database unavailable during {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        if (exception is NpgsqlException || exception.InnerException is NpgsqlException)
        {
            // Pooled connections the server has closed would fail the next requests too: start afresh.
            NpgsqlConnection.ClearAllPools();
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!AuthSetup.IsApiContext(httpContext))
        {
            return false; // the page branch re-executes /error, which shows the 503 page (status and Retry-After kept there)
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = Detail,
            },
        });
    }
}
