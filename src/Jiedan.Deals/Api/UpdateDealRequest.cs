using System.Text.Json.Serialization;
using Jiedan.Domain.Deals;

namespace Jiedan.Deals.Api;

/// <summary>
/// An edit of a deal in JSON merge-patch style: only the properties present change; <c>null</c> clears the budget, the
/// notes or the tags, and leaves client, platform, category and seniority (which cannot be empty) as they are.
/// <c>version</c>, as for a move, refuses the edit when the deal has changed since.
/// </summary>
public sealed class UpdateDealRequest
{
    private decimal? _budget;
    private string? _notes;
    private string[]? _tags;

    public string? Client { get; set; }
    public string? Platform { get; set; }
    public string? Category { get; set; }
    public string? Seniority { get; set; }
    public string? Currency { get; set; }
    public int? Version { get; set; }

    public decimal? Budget
    {
        get => _budget;
        set => (_budget, SetsBudget) = (value, true);
    }

    public string? Notes
    {
        get => _notes;
        set => (_notes, SetsNotes) = (value, true);
    }

    public string[]? Tags
    {
        get => _tags;
        set => (_tags, SetsTags) = (value, true);
    }

    [JsonIgnore] public bool SetsBudget { get; private set; }
    [JsonIgnore] public bool SetsNotes { get; private set; }
    [JsonIgnore] public bool SetsTags { get; private set; }

    /// <summary>
    /// The deal's attributes after this edit, checked by the same rules as a new deal (errors keyed by field). A currency alone
    /// re-labels the current budget; a budget alone keeps the current currency.
    /// </summary>
    public (DealDraft? Draft, Dictionary<string, string[]> Errors) ApplyTo(DealDraft current)
    {
        var budget = SetsBudget ? Budget : current.Budget?.Amount;
        var currency = Currency ?? (budget is null ? null : current.Budget?.Currency.Code);
        var merged = new CreateDealRequest(Client ?? current.Client, Platform ?? current.Platform.ToString(),
            Category ?? current.Category.ToString(), Seniority ?? current.Seniority.ToString(), budget, currency,
            SetsTags ? Tags ?? [] : [.. current.Tags], SetsNotes ? Notes : current.Notes, null, null, null);
        var (draft, errors) = DealRequestValidation.ToDraft(merged);
        return (draft is null ? null : draft with { ExternalId = current.ExternalId, IsDemo = current.IsDemo }, errors);
    }
}
