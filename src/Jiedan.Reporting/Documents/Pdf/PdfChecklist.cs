using SkiaSharp;

namespace Jiedan.Reporting.Documents.Pdf;

/// <summary>A checklist as a table: coloured status, id, title with its note underneath, measured value and threshold.</summary>
internal static class PdfChecklist
{
    public static PdfTable Table(Checklist checklist, ReportTexts texts)
    {
        var headerStyle = PdfStyles.TableText.AsBold();
        var header = new PdfRow(
        [
            PdfCell.Of(texts.Status, headerStyle),
            PdfCell.Of("ID", headerStyle),
            PdfCell.Of(texts.Check, headerStyle),
            PdfCell.Of(texts.Measured, headerStyle, CellAlign.Right),
            PdfCell.Of(texts.Threshold, headerStyle, CellAlign.Right),
        ], SKColor.Parse(ReportTheme.HeaderFill));
        var rows = checklist.Items.Select(item =>
        {
            var (ink, fill) = Colours(item.Status);
            List<CellText> check = [new(item.Title, PdfStyles.TableText)];
            if (item.Note is { } note)
                check.Add(new CellText(note, PdfStyles.Note));
            return new PdfRow(
            [
                new PdfCell([new CellText(texts.StatusLabel(item.Status), PdfStyles.TableText.AsBold().WithColor(ink))], Fill: fill,
                    NoWrap: true),
                PdfCell.Of(item.Id, PdfStyles.TableText),
                new PdfCell(check),
                PdfCell.Of(item.Measured, PdfStyles.TableText, CellAlign.Right),
                PdfCell.Of(item.Threshold, PdfStyles.TableText, CellAlign.Right),
            ]);
        });
        return new PdfTable(header, [.. rows]);
    }

    private static (SKColor Ink, SKColor Fill) Colours(CheckStatus status) => status switch
    {
        CheckStatus.Pass => (SKColor.Parse(ReportTheme.Pass), SKColor.Parse(ReportTheme.PassFill)),
        CheckStatus.Fail => (SKColor.Parse(ReportTheme.Fail), SKColor.Parse(ReportTheme.FailFill)),
        CheckStatus.Skipped => (SKColor.Parse(ReportTheme.Skipped), SKColor.Parse(ReportTheme.SkippedFill)),
        _ => (SKColor.Parse(ReportTheme.Warning), SKColor.Parse(ReportTheme.ErrorFill)),
    };
}
