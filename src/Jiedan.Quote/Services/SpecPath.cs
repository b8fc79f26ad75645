using Jiedan.Domain.Quote.Spec;
using Jiedan.Files;

namespace Jiedan.Quote.Services;

/// <summary>
/// A path named in a quote spec, resolved (links and <c>..</c> included) and confined to the repository root. Errors
/// name the field and the path as the spec wrote it; never the server's directories beyond it, never file content.
/// </summary>
internal static class SpecPath
{
    public static string Confine(string source, SpecMark mark, string field, string path, string baseDirectory, string? root)
    {
        if (root is null)
            throw new QuoteSpecException(source, mark, field,
                "paths on this server are not accepted here (set Quotes:RepositoryRoot to allow them)");
        try
        {
            return ConfinedPath.Resolve(root, baseDirectory, path, field);
        }
        catch (FileRefusedException)
        {
            throw new QuoteSpecException(source, mark, field, $"{path} is outside the repository root");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new QuoteSpecException(source, mark, field, $"{path} cannot be resolved: {Why(e)}");
        }
    }

    /// <summary>What went wrong reading, in words that cannot carry file content.</summary>
    public static string Why(Exception e) => e switch
    {
        FileRefusedException refused => refused.Problem,
        FileNotFoundException or DirectoryNotFoundException => "not found",
        UnauthorizedAccessException => "permission denied",
        _ => "unreadable",
    };
}
