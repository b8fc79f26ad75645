using System.Globalization;
using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Deals.Import;

/// <summary>
/// Turns the raw text fields of one import record (CSV row or JSON object) into an <see cref="ImportRow"/>,
/// collecting one error per bad field. Shared by the CSV and JSON readers so both accept exactly the same values.
/// </summary>
internal static class ImportFields
{
    public static readonly string[] Required = ["external_id", "client", "platform", "stage", "at"];
    public static readonly string[] Optional = ["category", "seniority", "budget", "currency", "lost_reason"];

    public static ImportRow? Parse(int line, Func<string, (string? Value, int Column)> field, List<ImportError> errors)
    {
        var before = errors.Count;
        string Need(string name)
        {
            var (value, column) = field(name);
            if (string.IsNullOrWhiteSpace(value)) errors.Add(new ImportError(line, column, $"{name} is empty"));
            return value?.Trim() ?? "";
        }

        var externalId = Need("external_id");
        var client = Need("client");
        var platformText = Need("platform");
        var stage = Need("stage");
        var atText = Need("at");
        void Fit(string name, string? value, int max)
        {
            if (DealFieldLimits.Check(name, value?.Trim(), max) is { } tooLong)
                errors.Add(new ImportError(line, field(name).Column, tooLong));
        }
        Fit("external_id", externalId, DealFieldLimits.ExternalId);
        Fit("client", client, DealFieldLimits.Client);
        Fit("lost_reason", field("lost_reason").Value, DealFieldLimits.Reason);

        var platform = Platform.Other;
        if (platformText.Length > 0 && !PlatformNames.TryParse(platformText, out platform))
            errors.Add(new ImportError(line, field("platform").Column,
                $"unknown platform '{platformText}' (known: {string.Join(", ", Enum.GetNames<Platform>())})"));

        var at = default(DateTimeOffset);
        if (atText.Length > 0 && !TryParseInstant(atText, out at))
            errors.Add(new ImportError(line, field("at").Column, $"'{atText}' is not an ISO-8601 date or date-time"));

        var category = DealCategory.Other;
        var (categoryText, categoryColumn) = field("category");
        if (!string.IsNullOrWhiteSpace(categoryText) && !DealCategoryNames.TryParse(categoryText, out category))
            errors.Add(new ImportError(line, categoryColumn,
                $"unknown category '{categoryText}' (known: {string.Join(", ", Enum.GetNames<DealCategory>())})"));

        var seniority = SeniorityBand.Mid;
        var (seniorityText, seniorityColumn) = field("seniority");
        if (!string.IsNullOrWhiteSpace(seniorityText) && !SeniorityBandNames.TryParse(seniorityText, out seniority))
            errors.Add(new ImportError(line, seniorityColumn, $"unknown seniority '{seniorityText}' (known: Junior, Mid, Senior)"));

        Money? budget = null;
        var (budgetText, budgetColumn) = field("budget");
        var (currencyText, currencyColumn) = field("currency");
        var currency = Currency.Usd;
        var currencyOk = string.IsNullOrWhiteSpace(currencyText) || Currency.TryParse(currencyText, out currency);
        if (!currencyOk)
            errors.Add(new ImportError(line, currencyColumn,
                $"unknown currency '{currencyText}' (known: {string.Join(", ", Currency.Known.Keys)})"));
        if (!string.IsNullOrWhiteSpace(budgetText))
        {
            if (!decimal.TryParse(budgetText, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0)
                errors.Add(new ImportError(line, budgetColumn, $"budget '{budgetText}' is not a non-negative number"));
            else if (string.IsNullOrWhiteSpace(currencyText))
                errors.Add(new ImportError(line, budgetColumn, "budget needs a currency"));
            else if (currencyOk) budget = new Money(amount, currency);
        }

        if (errors.Count > before) return null;
        var columns = Required.Concat(Optional).ToDictionary(n => n, n => field(n).Column);
        return new ImportRow(line, externalId, client, platform, stage, at)
        {
            Category = category, Seniority = seniority, Budget = budget,
            LostReason = field("lost_reason").Value is { Length: > 0 } r ? r.Trim() : null,
            Columns = columns,
        };
    }

    /// <summary>ISO-8601: a date (midnight UTC) or a date-time; without an offset it is taken as UTC.</summary>
    public static bool TryParseInstant(string text, out DateTimeOffset at)
    {
        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            at = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK",
            "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];
        return DateTimeOffset.TryParseExact(text, formats, CultureInfo.InvariantCulture, styles, out at);
    }
}
