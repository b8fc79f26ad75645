using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Deals.Api;

/// <summary>Checks a create-deal request field by field; the errors are keyed by the request's field names.</summary>
public static class DealRequestValidation
{
    public static (DealDraft? Draft, Dictionary<string, string[]> Errors) ToDraft(CreateDealRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(r.Client)) Add("client", "client is required");
        else if (DealFieldLimits.Check("client", r.Client.Trim(), DealFieldLimits.Client) is { } clientTooLong)
            Add("client", clientTooLong);
        var platform = Platform.Other;
        if (string.IsNullOrWhiteSpace(r.Platform)) Add("platform", "platform is required");
        else if (!PlatformNames.TryParse(r.Platform, out platform)) Add("platform",
            $"unknown platform '{r.Platform}' (known: {string.Join(", ", Enum.GetNames<Platform>())})");
        var category = DealCategory.Other;
        if (r.Category is { Length: > 0 } && !DealCategoryNames.TryParse(r.Category, out category)) Add("category",
            $"unknown category '{r.Category}' (known: {string.Join(", ", Enum.GetNames<DealCategory>())})");
        var seniority = SeniorityBand.Mid;
        if (r.Seniority is { Length: > 0 } && !SeniorityBandNames.TryParse(r.Seniority, out seniority)) Add("seniority",
            $"unknown seniority '{r.Seniority}' (known: Junior, Mid, Senior)");
        Money? budget = null;
        if (r.Budget is { } amount)
        {
            if (amount < 0) Add("budget", "budget must not be negative");
            else if (string.IsNullOrWhiteSpace(r.Currency)) Add("currency", "a budget needs a currency");
            else if (!Currency.TryParse(r.Currency, out var currency)) Add("currency",
                $"unknown currency '{r.Currency}' (known: {string.Join(", ", Currency.Known.Keys)})");
            else budget = new Money(amount, currency);
        }
        else if (r.Currency is { Length: > 0 } && !Currency.TryParse(r.Currency, out _)) Add("currency",
            $"unknown currency '{r.Currency}'");

        if (DealFieldLimits.Check("notes", r.Notes, DealFieldLimits.Notes) is { } notesTooLong) Add("notes", notesTooLong);
        if (DealFieldLimits.Check("externalId", r.ExternalId, DealFieldLimits.ExternalId) is { } idTooLong) Add("externalId", idTooLong);
        if (DealFieldLimits.CheckTags(r.Tags) is { } tagsProblem) Add("tags", tagsProblem);

        if (errors.Count > 0) return (null, errors);
        return (new DealDraft(r.Client!.Trim(), platform)
        {
            Category = category, Seniority = seniority, Budget = budget, Tags = r.Tags ?? [], Notes = r.Notes,
            ExternalId = r.ExternalId,
        }, errors);
    }
}
