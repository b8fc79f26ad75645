using Jiedan.Common.Web;
using Jiedan.Credibility.Api;
using Jiedan.Credibility.Conversion;
using Jiedan.Reporting.Charts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Credibility.Pages.Credibility;

/// <summary>/conversion: the weights in force beside the seed's, the fit to closed deals, and adopting the fitted weights.</summary>
public sealed class ConversionPageModel(ConversionService service, ClosedDeals closed, Texts texts) : PageModel
{
    public WeightsInForceDto Weights { get; private set; } = WeightsInForceDto.From(WeightsInForce.Seed);
    public ConversionFitDto Fit { get; private set; } = null!;
    public string? CalibrationSvg { get; private set; }
    public string? Problem { get; private set; }
    [BindProperty(SupportsGet = true)] public bool Adopted { get; set; }

    public bool CanUseFitted => Fit.Model?.Weights is not null;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostUseFittedAsync(CancellationToken ct)
    {
        var (adopted, why) = await service.UseFittedAsync(ct);
        if (adopted is not null) return Redirect("/conversion?adopted=true");
        Problem = why;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Weights = WeightsInForceDto.From(await service.WeightsAsync(ct));
        Fit = ConversionFitDto.From(await service.FitAsync(ct), closed.WonStage);
        if (Fit.Model is { } m)
        {
            CalibrationSvg = ChartRenderer.Svg(new ChartSpec(ChartKind.GroupedBar, texts["conversion.calibration"],
                m.Calibration.Select(b => b.Decile.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                [new ChartSeries(texts["conversion.predicted"], m.Calibration.Select(b => b.PredictedMean).ToList()),
                    new ChartSeries(texts["conversion.observed"], m.Calibration.Select(b => b.ObservedRate).ToList())])
            {
                XAxisLabel = texts["conversion.decile"],
                YAxisLabel = "P(won)",
            }, 720, 300);
        }
    }
}
