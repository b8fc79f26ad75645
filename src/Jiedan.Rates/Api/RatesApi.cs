using Jiedan.Domain.Currencies;
using Jiedan.Domain.Deals;
using Jiedan.Domain.Rates;
using Jiedan.Rates.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Rates.Api;

public sealed record MarketRateDto(string Platform, string Band, decimal Low, decimal High, string Currency)
{
    public static MarketRateDto From(MarketRate r) =>
        new(r.Platform.ToString(), r.Band.ToString(), r.Low.Amount, r.High.Amount, r.Low.Currency.Code);
}

public sealed record SetRateRequest(decimal? Low, decimal? High, string? Currency);

/// <summary>The market rate table under <c>/api/v1/rates</c>.</summary>
public static class RatesApi
{
    public static RouteGroupBuilder MapRatesApiV1(this RouteGroupBuilder api)
    {
        var rates = api.MapGroup("/rates").WithTags("Market rates");
        rates.MapGet("/", List);
        rates.MapPut("/{platform}/{band}", Set);
        return rates;
    }

    public static async Task<Ok<List<MarketRateDto>>> List(MarketRateStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.LoadAsync(ct)).All.OrderBy(r => r.Platform).ThenBy(r => r.Band).Select(MarketRateDto.From).ToList());

    public static async Task<Results<Ok<MarketRateDto>,
        ValidationProblem>> Set(string platform, string band, SetRateRequest request, MarketRateStore store, CancellationToken ct)
    {
        var (rate, errors) = Validate(platform, band, request.Low, request.High, request.Currency);
        if (rate is null) return TypedResults.ValidationProblem(errors);
        await store.SaveAsync(rate, ct);
        return TypedResults.Ok(MarketRateDto.From(rate));
    }

    /// <summary>Shared by the API and the rates page.</summary>
    public static (MarketRate? Rate, Dictionary<string, string[]> Errors) Validate(string platform, string band, decimal? low,
        decimal? high, string? currency)
    {
        var errors = new Dictionary<string, string[]>();
        if (!PlatformNames.TryParse(platform, out var p)) errors["platform"] = [$"unknown platform '{platform}'"];
        if (!SeniorityBandNames.TryParse(band, out var b)) errors["band"] = [$"unknown band '{band}' (known: Junior, Mid, Senior)"];
        if (low is null or <= 0) errors["low"] = ["low must be a positive number"];
        if (high is null || (low is not null && high < low)) errors["high"] = ["high must be at least low"];
        if (!Currency.TryParse(currency, out var c)) errors["currency"] = [$"unknown currency '{currency}'"];
        return errors.Count > 0 ? (null, errors) : (MarketRate.Create(p, b, low!.Value, high!.Value, c), errors);
    }
}
