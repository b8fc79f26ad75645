using Jiedan.Common.Web;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Pipeline;
using Jiedan.Pipeline.Reports;
using Jiedan.Pipeline.Storage;
using Jiedan.Reporting.Charts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Pipeline.Pages.Pipeline;

/// <summary>Stage durations with P90, funnel, blocked rates and bottlenecks, filtered by slice and period.</summary>
public sealed class IndexModel(PipelineQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Platform { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public string? Seniority { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    public PipelineReport? Report { get; private set; }
    public string? Error { get; private set; }
    public string DurationsSvg { get; private set; } = "";
    public string FunnelSvg { get; private set; } = "";
    public string BlockedSvg { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (query, field, error) = DealQueryParser.Parse(Platform, Category, Seniority, From, To);
        if (query is null)
        {
            Error = $"{field}: {error}";
            return;
        }
        Report = await queries.ReportAsync(query, ct);
        var lang = Texts.Language;
        DurationsSvg = ChartRenderer.Svg(PipelineCharts.Durations(Report, lang), 720, 400);
        FunnelSvg = ChartRenderer.Svg(PipelineCharts.Funnel(Report, lang), 720, 400);
        BlockedSvg = ChartRenderer.Svg(PipelineCharts.Blocked(Report, lang), 720, 360);
    }
}
