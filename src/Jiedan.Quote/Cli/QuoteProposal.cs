using Jiedan.Quote.Services;
using Jiedan.Reporting.Documents;

namespace Jiedan.Quote.Cli;

/// <summary>Writes the PDF proposal through the shared report pipeline; the file appears whole or not at all.</summary>
internal static class QuoteProposal
{
    /// <exception cref="QuoteInputException">the file cannot be written.</exception>
    public static async Task WritePdfAsync(QuoteView quote, string path, CancellationToken ct)
    {
        var bytes = PdfReport.Render(QuoteProposalDocument.Build(quote));
        var temporary = path + ".tmp-" + Environment.ProcessId;
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, ct);
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw new QuoteInputException("pdf", $"cannot write {path}: {e.Message}");
        }
    }
}
