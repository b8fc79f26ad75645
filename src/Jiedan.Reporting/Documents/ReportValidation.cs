namespace Jiedan.Reporting.Documents;

/// <summary>Checks a whole document before any renderer writes a byte, so bad input never gives half a report.</summary>
internal static class ReportValidation
{
    public static void Validate(ReportDocument doc)
    {
        for (var i = 0; i < doc.Blocks.Count; i++)
        {
            try
            {
                switch (doc.Blocks[i])
                {
                    case Table table:
                        table.Validate();
                        break;
                    case ChartBlock chart:
                        chart.Chart.Validate();
                        break;
                }
            }
            catch (ArgumentException error)
            {
                throw new ArgumentException($"Report '{doc.Title}', block {i}: {error.Message}", nameof(doc), error);
            }
        }
    }
}
