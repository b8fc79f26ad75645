using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;

namespace Jiedan.Domain.Rates;

/// <summary>Hourly rate bands per platform and seniority. <see cref="SeedDefaults"/> are the seed article's figures.</summary>
public sealed class MarketRateTable
{
    private readonly Dictionary<(Platform, SeniorityBand), MarketRate> _rates;

    public MarketRateTable(IEnumerable<MarketRate> rates) => _rates = rates.ToDictionary(r => (r.Platform, r.Band));

    public IReadOnlyCollection<MarketRate> All => _rates.Values;

    public MarketRate? Find(Platform platform, SeniorityBand band) => _rates.GetValueOrDefault((platform, band));

    public static MarketRateTable SeedDefaults { get; } = new(
    [
        MarketRate.Create(Platform.Upwork, SeniorityBand.Junior, 25, 45, Currency.Usd),
        MarketRate.Create(Platform.Upwork, SeniorityBand.Mid, 45, 75, Currency.Usd),
        MarketRate.Create(Platform.Upwork, SeniorityBand.Senior, 75, 120, Currency.Usd),
        MarketRate.Create(Platform.Toptal, SeniorityBand.Junior, 65, 95, Currency.Usd),
        MarketRate.Create(Platform.Toptal, SeniorityBand.Mid, 95, 145, Currency.Usd),
        MarketRate.Create(Platform.Toptal, SeniorityBand.Senior, 145, 220, Currency.Usd),
        MarketRate.Create(Platform.Mashi, SeniorityBand.Junior, 300, 600, Currency.Cny),
        MarketRate.Create(Platform.Mashi, SeniorityBand.Mid, 600, 1200, Currency.Cny),
        MarketRate.Create(Platform.Mashi, SeniorityBand.Senior, 1200, 2500, Currency.Cny),
    ]);
}
