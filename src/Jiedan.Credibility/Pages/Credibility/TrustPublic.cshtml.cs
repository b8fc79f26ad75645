using System.Globalization;
using Jiedan.Common.Web;
using Jiedan.Credibility.Trust;
using Jiedan.Domain.Credibility.Trust;
using Jiedan.Reporting.Charts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Credibility.Pages.Credibility;

/// <summary>The public trust page: no login, and only what the owner published (figures of gate runs and the CI pass rate).</summary>
[AllowAnonymous]
public sealed class TrustPublicModel(TrustPageReader reader, Texts texts) : PageModel
{
    public TrustPageView View { get; private set; } = null!;
    public string CoverageSvg { get; private set; } = "";
    public IReadOnlyList<string> BenchmarkSvgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await reader.ReadAsync(slug, ct) is not { } view) return NotFound();
        View = view;
        if (view.History.Coverage is { } coverage) CoverageSvg = ChartRenderer.Svg(Chart(coverage, texts["trust.coverage"], "%"), 720, 300);
        BenchmarkSvgs = [.. view.History.Benchmarks.Select(b => ChartRenderer.Svg(Chart(b, b.Name, b.Unit), 720, 300))];
        Response.Headers.CacheControl = "no-cache";
        return Page();
    }

    public static ChartSpec Chart(TrustSeries series, string title, string unit) =>
        new(ChartKind.Line, title, [.. series.At.Select(Day)], [new ChartSeries(title, series.Values)]) { YAxisLabel = unit };

    public static string Day(DateTime at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(double rate) => rate.ToString("0.#%", CultureInfo.InvariantCulture);
}
