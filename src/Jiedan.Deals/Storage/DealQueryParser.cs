using Jiedan.Domain.Deals;

namespace Jiedan.Deals.Storage;

/// <summary>Turns user-typed filter values (any case, Chinese names too) into a canonical <see cref="DealQuery"/>.</summary>
public static class DealQueryParser
{
    /// <returns>The query, or the field at fault and why.</returns>
    public static (DealQuery? Query, string? Field, string? Error) Parse(string? platform, string? category, string? seniority,
        DateOnly? from, DateOnly? to, string? stage = null, string? search = null, int limit = 500)
    {
        string? p = null, c = null, s = null;
        if (!string.IsNullOrWhiteSpace(platform))
        {
            if (!PlatformNames.TryParse(platform, out var v)) return (null, "platform",
                $"unknown platform '{platform}' (known: {string.Join(", ", Enum.GetNames<Platform>())})");
            p = v.ToString();
        }
        if (!string.IsNullOrWhiteSpace(category))
        {
            if (!DealCategoryNames.TryParse(category, out var v)) return (null, "category",
                $"unknown category '{category}' (known: {string.Join(", ", Enum.GetNames<DealCategory>())})");
            c = v.ToString();
        }
        if (!string.IsNullOrWhiteSpace(seniority))
        {
            if (!SeniorityBandNames.TryParse(seniority, out var v)) return (null, "seniority",
                $"unknown seniority '{seniority}' (known: Junior, Mid, Senior)");
            s = v.ToString();
        }
        if (from is { } f && to is { } t && t <= f) return (null, "to",
            $"the period is empty: 'to' ({t:yyyy-MM-dd}) must be after 'from' ({f:yyyy-MM-dd})");
        return (new DealQuery
        {
            Platform = p, Category = c, Seniority = s, From = from, To = to,
            Stage = string.IsNullOrWhiteSpace(stage) ? null : stage.Trim(),
            Search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Limit = Math.Clamp(limit, 1, 100_000),
        }, null, null);
    }
}
