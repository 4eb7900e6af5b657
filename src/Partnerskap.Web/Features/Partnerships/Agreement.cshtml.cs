using Markdig;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Partnerskap.Web.Features.Partnerships;

/// <summary>The agreement as signed (public). Raw HTML in the Markdown is not rendered.</summary>
[AllowAnonymous]
public sealed class AgreementModel(PartnershipAccess access) : PartnershipPage(access)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public string Html { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, "agreement", publicPage: true, ct) is { } denied)
        {
            return denied;
        }

        var markdown = Partnership.AgreementText ?? "";
        // The agreement starts at "##"; make its title the page's h1 so headings do not skip levels.
        if (markdown.TrimStart().StartsWith("## ", StringComparison.Ordinal))
        {
            var start = markdown.IndexOf("## ", StringComparison.Ordinal);
            markdown = markdown[..start] + "#" + markdown[(start + 2)..];
        }

        Html = Markdown.ToHtml(markdown, Pipeline);
        return Page();
    }
}
