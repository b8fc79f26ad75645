using System.Globalization;
using Jiedan.Reporting.Fonts;
using ScottPlot;
using ScottPlot.Plottables;

namespace Jiedan.Reporting.Charts;

/// <summary>Turns a <see cref="ChartSpec"/> into a ScottPlot <see cref="Plot"/> with the report theme and the CJK font.</summary>
internal static class ChartPlotBuilder
{
    private static readonly Color Warning = Color.FromHex(ReportTheme.Warning);
    private static readonly Color Ink = Color.FromHex(ReportTheme.Ink);

    public static Plot Build(ChartSpec spec)
    {
        spec.Validate();
        CjkFontResolver.EnsureRegistered();
        var plot = new Plot();
        switch (spec.Kind)
        {
            case ChartKind.Bar:
            case ChartKind.HorizontalBar:
                AddSingleBars(plot, spec);
                break;
            case ChartKind.GroupedBar:
                AddGroupedBars(plot, spec);
                break;
            case ChartKind.Line:
                AddLines(plot, spec);
                break;
        }
        AddReferenceLines(plot, spec);
        AddLabels(plot, spec);
        if (plot.GetPlottables().SelectMany(p => p.LegendItems).Any(i => !string.IsNullOrEmpty(i.LabelText)))
            plot.ShowLegend(Edge.Bottom);
        ApplyFont(plot);
        return plot;
    }

    private static bool IsHorizontal(ChartSpec spec) => spec.Kind == ChartKind.HorizontalBar;

    // Horizontal bars read top to bottom in label order, so the first label gets the highest position.
    private static double PositionOf(ChartSpec spec, int index) =>
        IsHorizontal(spec) ? spec.Labels.Count - 1 - index : index;

    private static void AddSingleBars(Plot plot, ChartSpec spec)
    {
        foreach (var (series, seriesIndex) in spec.Series.Select((s, i) => (s, i)))
        {
            var color = SeriesColor(seriesIndex);
            var bars = new List<Bar>();
            for (var i = 0; i < spec.Labels.Count; i++)
            {
                var value = series.Values[i];
                var bar = new Bar
                {
                    Position = PositionOf(spec, i),
                    Value = value,
                    FillColor = spec.HighlightIndices.Contains(i) ? Warning : color,
                    Label = FormatValue(value),
                    CenterLabel = spec.ErrorBars is not null,
                    Size = 0.7,
                    LineWidth = 0,
                };
                if (spec.ErrorBars is { } markers && seriesIndex == 0)
                    AddWhisker(plot, spec, bar.Position, value, markers[i]);
                bars.Add(bar);
            }
            var barPlot = new BarPlot(bars) { Horizontal = IsHorizontal(spec) };
            if (spec.Series.Count > 1)
                barPlot.LegendText = series.Name;
            plot.PlottableList.Add(barPlot);
        }
        SetCategoryTicks(plot, spec);
        if (IsHorizontal(spec))
            plot.Axes.Margins(left: 0);
        else
            plot.Axes.Margins(bottom: 0);
    }

    // The marker (e.g. P90) is a one-sided whisker from the bar's end to the marker value, with a cap;
    // ScottPlot's own error bars are symmetric, which would suggest a spread below the value that is not there.
    private static void AddWhisker(Plot plot, ChartSpec spec, double position, double value, double marker)
    {
        const double capHalfWidth = 0.12;
        var lines = IsHorizontal(spec)
            ? new[] { (value, position, marker, position), (marker, position - capHalfWidth, marker, position + capHalfWidth) }
            : [(position, value, position, marker), (position - capHalfWidth, marker, position + capHalfWidth, marker)];
        foreach (var (x1, y1, x2, y2) in lines)
        {
            var line = plot.Add.Line(x1, y1, x2, y2);
            line.LineColor = Ink;
            line.LineWidth = 1.5f;
            line.MarkerSize = 0;
        }
    }

    private static void AddGroupedBars(Plot plot, ChartSpec spec)
    {
        const double groupWidth = 0.8;
        var barWidth = groupWidth / spec.Series.Count;
        foreach (var (series, seriesIndex) in spec.Series.Select((s, i) => (s, i)))
        {
            var color = SeriesColor(seriesIndex);
            var bars = new List<Bar>();
            for (var i = 0; i < spec.Labels.Count; i++)
            {
                var highlighted = spec.HighlightIndices.Contains(i);
                bars.Add(new Bar
                {
                    Position = i - groupWidth / 2 + barWidth * (seriesIndex + 0.5),
                    Value = series.Values[i],
                    Size = barWidth * 0.9,
                    FillColor = color,
                    LineColor = Warning,
                    LineWidth = highlighted ? 3 : 0,
                });
            }
            plot.PlottableList.Add(new BarPlot(bars) { LegendText = series.Name, Color = color });
        }
        SetCategoryTicks(plot, spec);
        plot.Axes.Margins(bottom: 0);
    }

    private static void AddLines(Plot plot, ChartSpec spec)
    {
        double[] xs = [.. Enumerable.Range(0, spec.Labels.Count).Select(i => (double)i)];
        foreach (var (series, seriesIndex) in spec.Series.Select((s, i) => (s, i)))
        {
            var scatter = plot.Add.Scatter(xs, series.Values.ToArray(), SeriesColor(seriesIndex));
            scatter.LineWidth = 2;
            scatter.MarkerSize = 6;
            if (spec.Series.Count > 1)
                scatter.LegendText = series.Name;
            foreach (var index in spec.HighlightIndices)
                plot.Add.Marker(index, series.Values[index], MarkerShape.FilledCircle, 12, Warning);
        }
        SetCategoryTicks(plot, spec);
    }

    private static void AddReferenceLines(Plot plot, ChartSpec spec)
    {
        foreach (var (name, value) in spec.ReferenceLines)
        {
            AxisLine line = IsHorizontal(spec) ? plot.Add.VerticalLine(value) : plot.Add.HorizontalLine(value);
            line.LineColor = Warning;
            line.LineWidth = 1.5f;
            line.LinePattern = LinePattern.Dashed;
            line.LegendText = $"{name} {FormatValue(value)}";
        }
    }

    private static void SetCategoryTicks(Plot plot, ChartSpec spec)
    {
        double[] positions = [.. Enumerable.Range(0, spec.Labels.Count).Select(i => PositionOf(spec, i))];
        string[] labels = [.. spec.Labels];
        if (IsHorizontal(spec))
            plot.Axes.Left.SetTicks(positions, labels);
        else
            plot.Axes.Bottom.SetTicks(positions, labels);
        var longest = spec.Labels.Count == 0 ? 0 : spec.Labels.Max(l => l.Length);
        if (!IsHorizontal(spec) && (longest > 10 || longest * spec.Labels.Count > 70))
        {
            var style = plot.Axes.Bottom.TickLabelStyle;
            style.Rotation = -30;
            style.Alignment = Alignment.MiddleRight;
            // ScottPlot sizes the axis for upright labels; leave room for the slanted ones and the axis title below them.
            var widest = spec.Labels.Max(label => MeasureWidth(label, style.FontSize));
            plot.Axes.Bottom.MinimumSize = widest * 0.5f + style.FontSize + (spec.XAxisLabel is null ? 8 : 30);
        }
    }

    private static float MeasureWidth(string text, float size)
    {
        var typeface = CjkFont.Typefaces?.Regular;
        using var font = typeface is null ? new SkiaSharp.SKFont { Size = size } : new SkiaSharp.SKFont(typeface, size);
        return font.MeasureText(text);
    }

    private static void AddLabels(Plot plot, ChartSpec spec)
    {
        plot.Title(spec.Title);
        if (spec.XAxisLabel is { } x)
            plot.XLabel(x);
        if (spec.YAxisLabel is { } y)
            plot.YLabel(y);
        plot.Axes.Title.Label.ForeColor = Ink;
    }

    // After everything is added, so titles, ticks, value labels and the legend all get the font.
    private static void ApplyFont(Plot plot)
    {
        var family = CjkFontResolver.EnsureRegistered();
        if (family is null)
            return;
        plot.Font.Set(family);
        plot.Legend.FontName = family;
        foreach (var barPlot in plot.GetPlottables<BarPlot>())
            barPlot.ValueLabelStyle.FontName = family;
    }

    private static Color SeriesColor(int index) => Color.FromHex(ReportTheme.Series[index % ReportTheme.Series.Length]);

    internal static string FormatValue(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
