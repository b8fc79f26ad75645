using System.Globalization;

namespace Jiedan.Domain.Currencies;

/// <summary>An amount in one currency. Decimal, never double; arithmetic across currencies is refused.</summary>
public readonly record struct Money(decimal Amount, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount, Same(a, b));
    public static Money operator -(Money a, Money b) => new(a.Amount - b.Amount, Same(a, b));
    public static Money operator *(Money a, decimal factor) => new(a.Amount * factor, a.Currency);

    public Money Rounded() => new(Math.Round(Amount, Currency.Decimals, MidpointRounding.AwayFromZero), Currency);

    public override string ToString() =>
        Currency.Symbol + Rounded().Amount.ToString("#,0." + new string('0', Currency.Decimals), CultureInfo.InvariantCulture).TrimEnd('.');

    private static Currency Same(Money a, Money b) =>
        a.Currency == b.Currency ? a.Currency : throw new InvalidOperationException($"cannot combine {a.Currency} with {b.Currency}");
}
