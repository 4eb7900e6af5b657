using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Partnerskap.Web.Features.Account;

[AllowAnonymous]
public sealed class AccessDeniedModel : PageModel
{
    // 200: the 403 was the API's or the page's answer; this page only explains it after the redirect.
    public void OnGet()
    {
    }
}
