namespace Jiedan.Domain.Currencies;

/// <summary>An ISO 4217 currency the desk quotes in. Only codes in <see cref="Known"/> are accepted.</summary>
public readonly record struct Currency
{
    public static readonly IReadOnlyDictionary<string, (string Symbol, int Decimals)> Known =
        new Dictionary<string, (string, int)>(StringComparer.Ordinal)
        {
            ["USD"] = ("$", 2), ["CNY"] = ("¥", 2), ["EUR"] = ("€", 2), ["GBP"] = ("£", 2),
            ["JPY"] = ("¥", 0), ["HKD"] = ("HK$", 2), ["SGD"] = ("S$", 2), ["AUD"] = ("A$", 2),
            ["CAD"] = ("C$", 2), ["CHF"] = ("CHF ", 2), ["TWD"] = ("NT$", 0), ["KRW"] = ("₩", 0),
            ["INR"] = ("₹", 2), ["RUB"] = ("₽", 2),
        };

    public static readonly Currency Usd = new("USD", validated: true);
    public static readonly Currency Cny = new("CNY", validated: true);

    public string Code { get; }

    private Currency(string code, bool validated) => Code = code;

    public string Symbol => Known[Code].Symbol;
    public int Decimals => Known[Code].Decimals;

    /// <exception cref="ArgumentException">the code is not a known ISO 4217 code.</exception>
    public static Currency Parse(string code) =>
        TryParse(code, out var c) ? c : throw new ArgumentException($"unknown currency '{code}' (known: {string.Join(", ", Known.Keys)})",
            nameof(code));

    public static bool TryParse(string? code, out Currency currency)
    {
        var normalised = code?.Trim().ToUpperInvariant() ?? "";
        if (normalised == "RMB") normalised = "CNY";
        currency = Known.ContainsKey(normalised) ? new Currency(normalised, validated: true) : default;
        return Known.ContainsKey(normalised);
    }

    public override string ToString() => Code ?? "";
}
