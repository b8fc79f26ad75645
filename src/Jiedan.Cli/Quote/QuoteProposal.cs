using Jiedan.Web.Quote;

namespace Jiedan.Cli.Quote;

/// <summary>The PDF proposal. Rendering goes through the shared report pipeline once its PDF renderer is on main.</summary>
internal static class QuoteProposal
{
    public static Task WritePdfAsync(QuoteView quote, string path, CancellationToken ct) =>
        throw new QuoteInputException("pdf", "PDF output is not available in this build yet");
}
