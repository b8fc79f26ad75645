namespace Jiedan.Domain.Deals;

/// <summary>Experience band used by market rates: junior &lt;2 years, mid 2–5, senior 5+.</summary>
public enum SeniorityBand { Junior, Mid, Senior }

public static class SeniorityBandNames
{
    public static bool TryParse(string? text, out SeniorityBand band)
    {
        var t = text?.Trim() ?? "";
        switch (t)
        {
            case "初级": band = SeniorityBand.Junior; return true;
            case "中级": band = SeniorityBand.Mid; return true;
            case "高级": band = SeniorityBand.Senior; return true;
        }
        return Enum.TryParse(t, ignoreCase: true, out band) && Enum.IsDefined(band) && !int.TryParse(t, out _);
    }

    public static SeniorityBand FromYears(decimal years) =>
        years < 2 ? SeniorityBand.Junior : years < 5 ? SeniorityBand.Mid : SeniorityBand.Senior;
}
