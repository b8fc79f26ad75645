using System.Security.Claims;

namespace Jiedan.Common.Web;

public static class ActorExtensions
{
    /// <summary>Who did it, as stage history and audit records name them: the signed-in user's name.</summary>
    public static string Actor(this ClaimsPrincipal principal) => principal.Identity?.Name ?? "anonymous";
}
