using System.Globalization;
using CsvHelper;

namespace Jiedan.Bench.Pipeline;

/// <summary>
/// Writes synthetic deals in the documented import format (docs/deals-import.md), one row per stage event and every
/// column on every row, as <c>jiedan deals export</c> does. The last deal may be cut short, which is still a valid history.
/// </summary>
public static class ImportCsv
{
    public static (int Rows, int Deals) Write(string path, SyntheticPortfolio portfolio, int rows)
    {
        using var writer = new StreamWriter(path);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var c in new[] { "external_id", "client", "platform", "stage", "at", "category", "seniority", "budget", "currency",
            "lost_reason" })
            csv.WriteField(c);
        csv.NextRecord();
        int written = 0, deals = 0;
        for (long first = 0; written < rows; first += SyntheticPortfolio.ChunkSize)
        {
            foreach (var d in portfolio.Deals(first, SyntheticPortfolio.ChunkSize))
            {
                if (written == rows) break;
                deals++;
                foreach (var e in d.Events.OrderBy(e => e.Seq).Take(rows - written))
                {
                    csv.WriteField(d.ExternalId);
                    csv.WriteField(d.Client);
                    csv.WriteField(d.Platform);
                    csv.WriteField(e.ToStage);
                    csv.WriteField(e.At.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    csv.WriteField(d.Category);
                    csv.WriteField(d.Seniority);
                    csv.WriteField(d.BudgetAmount?.ToString(CultureInfo.InvariantCulture) ?? "");
                    csv.WriteField(d.BudgetCurrency ?? "");
                    csv.WriteField(e.Reason ?? "");
                    csv.NextRecord();
                    written++;
                }
            }
        }
        return (written, deals);
    }
}
