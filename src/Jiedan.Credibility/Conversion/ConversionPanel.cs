using System.Globalization;
using Jiedan.Common.Web;
using Jiedan.Deals.Pages;
using Jiedan.Reporting.Charts;

namespace Jiedan.Credibility.Conversion;

/// <summary>The deal page's conversion section: the estimate, the three scores as bars, the history as a line, what to fix.</summary>
public sealed class ConversionPanel(ConversionService service, Texts texts) : IDealPanel
{
    public string TitleKey => "conversion.panel.title";
    public string PartialName => "/Pages/Credibility/_ConversionPanel.cshtml";

    public async Task<object?> LoadAsync(long dealId, CancellationToken ct)
    {
        var history = await service.HistoryAsync(dealId, ct) ?? [];
        if (history.Count == 0) return new ConversionPanelModel(dealId, null, history, null, null);
        var current = history[0];
        var labels = Jiedan.Domain.Credibility.Conversion.ConversionAssets.All.Select(a => texts[$"conversion.asset.{a}"]).ToList();
        var estimateLabel = texts["conversion.estimate"];
        var bars = ChartRenderer.Svg(new ChartSpec(ChartKind.Bar, texts["conversion.scores"], labels,
            [new ChartSeries(texts["conversion.scores"], [current.Proposal.Score, current.Repository.Score, current.Demo.Score])])
        {
            YAxisLabel = "0–100",
            ReferenceLines = [($"{estimateLabel} {current.Estimate.Value.ToString("0.0", CultureInfo.InvariantCulture)}",
                current.Estimate.Value)],
        }, 560, 260);
        string? line = null;
        if (history.Count > 1)
        {
            var oldestFirst = history.Reverse().ToList();
            line = ChartRenderer.Svg(new ChartSpec(ChartKind.Line, texts["conversion.history"],
                oldestFirst.Select(s => s.CreatedAtUtc.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)).ToList(),
                [new ChartSeries(estimateLabel, oldestFirst.Select(s => s.Estimate.Value).ToList())]) { YAxisLabel = "0–100" }, 560, 220);
        }
        return new ConversionPanelModel(dealId, current, history, bars, line);
    }
}

public sealed record ConversionPanelModel(long DealId, DealScoring? Current, IReadOnlyList<DealScoring> History, string? ScoresSvg,
    string? HistorySvg);
