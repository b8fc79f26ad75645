using Jiedan.Domain.Rates;

namespace Jiedan.Domain.Quote.Spec;

/// <summary>
/// Turns a parsed spec into <see cref="QuoteInputs"/> with what the caller looked up outside: the rate table, the
/// line count and tech debt of the repository (when the spec names one), the factors in force and today's date.
/// A spec that cannot be priced is rejected at the node responsible.
/// </summary>
public static class QuoteSpecResolver
{
    public static QuoteInputs Resolve(QuoteSpec spec, string source, MarketRateTable rates, long? repositoryLines,
        TechDebtRatio? measuredDebt,
        ProductivityFactors factors, DateOnly issuedOn)
    {
        MarketRate rate;
        if (spec.HourlyRate is { } own)
        {
            var currency = spec.Currency ?? rates.Find(spec.Platform, spec.Seniority)?.Low.Currency
                ?? throw new QuoteSpecException(source, spec.PlatformMark, "currency",
                    "an own hourly_rate needs a currency when the platform has no market rate");
            rate = MarketRate.Create(spec.Platform, spec.Seniority, own.Low, own.High, currency);
        }
        else
        {
            rate = rates.Find(spec.Platform, spec.Seniority)
                ?? throw new QuoteSpecException(source, spec.PlatformMark, "platform",
                    $"no market rate for {spec.Platform} / {spec.Seniority} " +
                    $"(rates exist for: {string.Join(", ", rates.All.Select(r => r.Platform).Distinct())}); add one or give hourly_rate");
            if (spec.Currency is { } wanted && wanted != rate.Low.Currency)
                throw new QuoteSpecException(source, spec.CurrencyMark, "currency",
                    $"{spec.Platform} rates are in {rate.Low.Currency}, not {wanted}; drop currency or give hourly_rate in {wanted}");
        }

        var lines = spec.Lines ?? repositoryLines;
        if (spec.Repository is not null && repositoryLines is null)
            throw new QuoteSpecException(source, spec.RepositoryMark, "size.repository", "the repository was not counted");
        var debt = spec.TechDebtPercent is { } given ? TechDebtRatio.Given(given) : measuredDebt ?? TechDebtRatio.None;

        return new QuoteInputs(spec.Platform, spec.Seniority, rate, lines, FunctionPointCount.Of(spec.Features), spec.Sla, debt,
            spec.Weights, factors, spec.Factors, issuedOn, spec.ValidityDays);
    }
}
