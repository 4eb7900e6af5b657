using Microsoft.AspNetCore.Mvc;
using Partnerskap.Web.Features.Partnerships;
using Partnerskap.Web.Features.Shared;
using Partnerskap.Web.Localization;

namespace Partnerskap.Web.Features.Board;

/// <summary>Base for the board pages: the partnership (section "board") and running a form action with field errors.</summary>
public abstract class BoardPage(PartnershipAccess access, Texts t) : PartnershipPage(access)
{
    protected Texts T => t;

    protected Task<IActionResult?> LoadBoardAsync(string slug, CancellationToken ct) => LoadAsync(slug, "board", publicPage: false, ct);

    /// <summary>Runs the action; on success sets the message and redirects (post-redirect-get), otherwise returns null.</summary>
    protected async Task<IActionResult?> RunAsync(Func<Task> action, string message, string redirect)
    {
        if (!await FormErrors.TryAsync(ModelState, t, action))
        {
            return null;
        }

        TempData["Message"] = message;
        return Redirect(redirect);
    }
}
