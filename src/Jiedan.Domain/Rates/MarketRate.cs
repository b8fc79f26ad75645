using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Domain.Rates;

/// <summary>An hourly rate band for one platform and seniority band.</summary>
public sealed record MarketRate(Platform Platform, SeniorityBand Band, Money Low, Money High)
{
    public Money Mid => new((Low.Amount + High.Amount) / 2m, Low.Currency);

    public static MarketRate Create(Platform platform, SeniorityBand band, decimal low, decimal high, Currency currency)
    {
        if (low <= 0) throw new ArgumentOutOfRangeException(nameof(low), low, "a rate must be positive");
        if (high < low) throw new ArgumentOutOfRangeException(nameof(high), high, "high must not be below low");
        return new MarketRate(platform, band, new Money(low, currency), new Money(high, currency));
    }
}
