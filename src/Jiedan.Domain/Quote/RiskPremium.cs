namespace Jiedan.Domain.Quote;

/// <summary>
/// The seed's risk premium: a base per SLA tier plus 0.003 for every percent of tech-debt ratio
/// (gold at 10 % debt: 1.15 + 10 × 0.003 = 1.18).
/// </summary>
public static class RiskPremium
{
    public const decimal PerDebtPercent = 0.003m;

    public static decimal TierBase(SlaTier tier) => tier switch
    {
        SlaTier.Gold => 1.15m,
        SlaTier.Silver => 1.08m,
        SlaTier.Bronze => 1.02m,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };

    public static decimal Of(SlaTier tier, TechDebtRatio debt) => TierBase(tier) + debt.Percent * PerDebtPercent;
}
