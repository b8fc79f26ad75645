namespace Jiedan.Reporting.Documents;

/// <summary>The inline stylesheet of HTML reports; colours come from <see cref="ReportTheme"/>.</summary>
internal static class HtmlStyles
{
    public static readonly string Css = $$"""

        :root { color-scheme: light; }
        body { margin: 0; background: #fff; color: {{ReportTheme.Ink}};
          font: 15px/1.6 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
        main { max-width: 960px; margin: 0 auto; padding: 32px 24px 64px; }
        header { border-bottom: 2px solid {{ReportTheme.Accent}}; margin-bottom: 24px; padding-bottom: 12px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font-size: 20px; margin: 32px 0 8px; border-bottom: 1px solid {{ReportTheme.Rule}}; padding-bottom: 4px; }
        h3, h4, h5, h6 { font-size: 16px; margin: 24px 0 8px; }
        .subtitle { color: {{ReportTheme.Muted}}; font-size: 17px; margin: 0 0 8px; }
        dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
        dl.meta { color: {{ReportTheme.Muted}}; font-size: 13px; }
        dt { font-weight: 600; }
        dd { margin: 0; overflow-wrap: break-word; }
        table { border-collapse: collapse; width: 100%; margin: 12px 0; font-size: 14px; }
        th, td { border: 1px solid {{ReportTheme.Rule}}; padding: 6px 8px; text-align: left;
            vertical-align: top; overflow-wrap: break-word; }
        th { background: {{ReportTheme.HeaderFill}}; }
        tbody tr:nth-child(even) { background: {{ReportTheme.StripeFill}}; }
        tr.highlight, tr.highlight:nth-child(even) { background: {{ReportTheme.HighlightFill}}; font-weight: 600; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .summary { font-weight: 600; }
        .status { display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px; font-weight: 700; white-space: nowrap; }
        .status.pass { color: {{ReportTheme.Pass}}; background: {{ReportTheme.PassFill}}; }
        .status.fail { color: {{ReportTheme.Fail}}; background: {{ReportTheme.FailFill}}; }
        .status.skipped { color: {{ReportTheme.Skipped}}; background: {{ReportTheme.SkippedFill}}; }
        .status.error { color: {{ReportTheme.Warning}}; background: {{ReportTheme.ErrorFill}}; }
        .note { color: {{ReportTheme.Muted}}; font-size: 13px; }
        figure.chart { margin: 16px 0; }
        .chart-svg { max-width: 100%; height: auto; }
        .chart-svg text { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; }
        @media print { main { max-width: none; padding: 0; } h2 { break-after: avoid; } tr, figure { break-inside: avoid; } }

        """;
}
