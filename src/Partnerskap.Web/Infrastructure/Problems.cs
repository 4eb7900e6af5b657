using Microsoft.AspNetCore.Http.HttpResults;

namespace Partnerskap.Web.Infrastructure;

/// <summary>problem+json results (RFC 9457) with the agreement rule where one applies (api.md "Conventions").</summary>
public static class Problems
{
    public static ProblemHttpResult Rule(int status, string title, string detail, string? rule = null) =>
        TypedResults.Problem(
            statusCode: status,
            title: title,
            detail: detail,
            extensions: rule is null ? null : new Dictionary<string, object?> { ["rule"] = rule });

    public static ProblemHttpResult NotFound(string detail) => Rule(StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Forbidden(string detail, string? rule = null) =>
        Rule(StatusCodes.Status403Forbidden, "Forbidden", detail, rule);

    public static ProblemHttpResult Conflict(string detail, string? rule = null) =>
        Rule(StatusCodes.Status409Conflict, "Conflict", detail, rule);

    /// <summary>400 with <c>errors: { field: [messages] }</c>, and <c>rule</c> when a rule is the reason.</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, string? rule = null, string? detail = null)
    {
        var extensions = new Dictionary<string, object?> { ["errors"] = errors };
        if (rule is not null)
        {
            extensions["rule"] = rule;
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "One or more fields are invalid",
            detail: detail ?? string.Join(" ", errors.SelectMany(e => e.Value)),
            extensions: extensions);
    }

    public static ProblemHttpResult Invalid(string field, string message, string? rule = null) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, rule);
}
