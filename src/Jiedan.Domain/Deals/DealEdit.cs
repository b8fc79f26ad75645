using System.Globalization;
using Jiedan.Domain.Currencies;

namespace Jiedan.Domain.Deals;

/// <summary>One attribute an edit changed, as the audit trail shows it: values as text, null when empty.</summary>
public sealed record DealFieldChange(string Field, string? OldValue, string? NewValue);

/// <summary>What an edit of a deal's attributes changes, field by field in a fixed order; nothing when the two agree.</summary>
public static class DealEdit
{
    public static IReadOnlyList<DealFieldChange> Changes(DealDraft before, DealDraft after)
    {
        var changes = new List<DealFieldChange>();
        void Compare(string field, string? old, string? now)
        {
            old = string.IsNullOrEmpty(old) ? null : old;
            now = string.IsNullOrEmpty(now) ? null : now;
            if (!string.Equals(old, now, StringComparison.Ordinal)) changes.Add(new DealFieldChange(field, old, now));
        }
        Compare("client", before.Client, after.Client);
        Compare("platform", before.Platform.ToString(), after.Platform.ToString());
        Compare("category", before.Category.ToString(), after.Category.ToString());
        Compare("seniority", before.Seniority.ToString(), after.Seniority.ToString());
        Compare("budget", BudgetText(before.Budget), BudgetText(after.Budget));
        Compare("notes", before.Notes, after.Notes);
        Compare("tags", TagText(before.Tags), TagText(after.Tags));
        return changes;
    }

    /// <summary>"9000 USD": the amount without trailing zeros, so 9000 and 9000.00 are the same budget.</summary>
    public static string? BudgetText(Money? budget) =>
        budget is { } b ? $"{b.Amount.ToString("0.############", CultureInfo.InvariantCulture)} {b.Currency.Code}" : null;

    /// <summary>The stored form of a tag list: trimmed, empty ones dropped, comma separated.</summary>
    public static string TagText(IEnumerable<string> tags) => string.Join(',', tags.Select(t => t.Trim()).Where(t => t.Length > 0));
}
