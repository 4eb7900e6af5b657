using Partnerskap.Domain.Common;
using Partnerskap.Web.Features.Members;

namespace Partnerskap.Web.Infrastructure;

/// <summary>
/// Turns what handlers throw into problem+json (api.md "Conventions"): a rule violation into 400/409/403 with its
/// rule ID and field, a missing record into 404. Whatever was being saved was rolled back by the handler.
/// </summary>
public sealed class RuleViolationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleViolation v)
        {
            return ToProblem(v);
        }
        catch (ValidationFailed v)
        {
            return Problems.Invalid(v.Errors.ToDictionary(e => e.Key, e => new[] { e.Value }), v.Rule);
        }
        catch (KeyNotFoundException e)
        {
            return Problems.NotFound(e.Message);
        }
    }

    public static IResult ToProblem(RuleViolation v) => v.Kind switch
    {
        ViolationKind.Invalid => Problems.Invalid(new Dictionary<string, string[]> { [v.Field ?? "request"] = [v.Message] }, v.Rule),
        ViolationKind.Forbidden => Problems.Forbidden(v.Message, v.Rule),
        _ => Problems.Conflict(v.Message, v.Rule),
    };
}
