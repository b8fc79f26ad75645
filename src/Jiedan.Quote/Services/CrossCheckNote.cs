using System.Globalization;
using Jiedan.Domain.Quote;

namespace Jiedan.Quote.Services;

/// <summary>The words shown when the blend and COCOMO disagree by more than 2×: what each assumes. One text for every surface.</summary>
public static class CrossCheckNote
{
    public static string English(CrossCheck x) =>
        $"The blended effort ({H(x.BlendedHours)} h) and the COCOMO cross-check ({H(x.CocomoHours)} h) differ {F(x.Factor)}×. " +
        "The blend counts function points and code size and converts them with a productivity calibrated on your own " +
        "past projects (the defaults until you calibrate); COCOMO applies generic industry parameters (Boehm 1981, organic mode) " +
        "to the line count (KSLOC) alone. The quote is priced on the blend; a gap this large says the line count or the " +
        "productivity deserves a second look.";

    public static string Chinese(CrossCheck x) =>
        $"融合工时（{H(x.BlendedHours)} h）与 COCOMO 交叉校验（{H(x.CocomoHours)} h）相差 {F(x.Factor)} 倍。" +
        "融合估算依据功能点和代码规模，乘以由您自己的历史项目校准的生产率（未校准前为默认值）；" +
        "COCOMO 仅依据代码行数（KSLOC），套用通用的行业参数（Boehm 1981，有机型）。" +
        "报价以融合工时为准；差距如此之大，说明代码行数或生产率值得再核实。";

    private static string H(double hours) => hours.ToString("#,0.#", CultureInfo.InvariantCulture);
    private static string F(double factor) => factor.ToString("0.#", CultureInfo.InvariantCulture);
}
