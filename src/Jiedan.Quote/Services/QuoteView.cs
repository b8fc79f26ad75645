using Jiedan.Domain.Quote;
using System.Text.Json.Serialization;
using Jiedan.Domain.Quote.Spec;

namespace Jiedan.Quote.Services;

/// <summary>The JSON shape of a quote (CLI <c>--json</c>, the API, and what is stored): every figure and how it was reached.</summary>
public sealed record QuoteView(
    long? Id,
    long? DealId,
    string? Title,
    string? Client,
    string Platform,
    string Seniority,
    string Currency,
    DateOnly IssuedOn,
    DateOnly ValidUntil,
    PriceView Price,
    double EffortHours,
    string Tier,
    decimal TierBase,
    decimal TechDebtPercent,
    decimal Premium,
    PriceView HourlyRate,
    IReadOnlyList<LayerView> Layers,
    FunctionPointsView FunctionPoints,
    SlaView Sla,
    TechDebtView TechDebt,
    CocomoView? Cocomo,
    FactorsView Factors,
    EffortRangeView? EffortRange = null,
    PriceView? RangePrice = null,
    CrossCheckView? CrossCheck = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ProposalTermsView? Terms = null)
{
    public static QuoteView From(ComputedQuote q, QuoteSpec spec, long? calibrationId, long? id = null, long? dealId = null)
    {
        var i = q.Inputs;
        var b = q.Breakdown;
        var fp = i.FunctionPoints;
        return new QuoteView(
            id, dealId, spec.Title, spec.Client, i.Platform.ToString(), i.Band.ToString(), q.Price.Currency.Code, i.IssuedOn, q.ValidUntil,
            new PriceView(q.Price.Low.Amount, q.Price.Expected.Amount, q.Price.High.Amount, q.Price.Currency.Code),
            b.EffortHours, b.Tier.ToString(), b.TierBase, b.TechDebtPercent, b.Premium,
            new PriceView(b.Rate.Low.Amount, b.Rate.Mid.Amount, b.Rate.High.Amount, b.Rate.Low.Currency.Code),
            b.Layers.Select(l => new LayerView(l.Layer.ToString(), Math.Round(l.Measure, 2), l.Unit, Math.Round(l.Hours, 2),
                l.NominalWeight,
                Math.Round(l.Weight, 4), Math.Round(l.WeightedHours, 2), l.Formula)).ToList(),
            new FunctionPointsView(fp.Total,
                Enum.GetValues<FunctionType>().ToDictionary(t => t.ToString(), fp.TotalOf),
                fp.Features.Select(f => new FeatureView(f.Feature, f.Steps, f.NewPoints)).ToList(),
                fp.Steps.Select(s => new StepView(s.Step.Name, s.Step.Type.ToString(), s.Step.Complexity.ToString().ToLowerInvariant(),
                    s.Step.Points, s.Features)).ToList()),
            new SlaView(i.Sla.P99Milliseconds, i.Sla.UptimePercent, b.Tier.ToString()),
            new TechDebtView(i.TechDebt.Percent, i.TechDebt.Measurement is { } m
                ? new TechDebtMeasuredView(m.EffectiveLines, m.Markers, m.LintFindings, m.RemediationMinutes, m.DevelopmentMinutes)
                : null),
            q.Cocomo is { } c ? new CocomoView(c.Kloc, Math.Round(c.PersonMonths, 2), Math.Round(c.DurationMonths, 2), Math.Round(c.Staff,
                2), Math.Round(c.EffortHours, 1), c.HoursPerPersonMonth) : null,
            new FactorsView(b.FactorsSource, calibrationId, b.SizeAccuracy, b.FunctionPointAccuracy),
            q.Range is { } r ? new EffortRangeView(r.Low, r.Expected, r.High, r.Nominal, Math.Round(r.Coverage, 4), r.Projects) : null,
            q.RangePrice is { } p ? new PriceView(p.Low.Amount, p.Expected.Amount, p.High.Amount, p.Currency.Code) : null,
            q.CrossCheck is { } x ? CrossCheckView.From(x) : null,
            spec.Terms.IsEmpty ? null : new ProposalTermsView(spec.Terms.ArchitectureMermaid, spec.Terms.SupportWindow,
                spec.Terms.Milestones.Select(m => new MilestoneView(m.Name, m.Due, m.Amount)).ToList()));
    }
}

public sealed record PriceView(decimal Low, decimal Expected, decimal High, string Currency);
public sealed record LayerView(string Layer, double Measure, string Unit, double Hours, decimal NominalWeight, decimal Weight,
    double WeightedHours, string Formula);
public sealed record FunctionPointsView(int Total, IReadOnlyDictionary<string, int> ByType, IReadOnlyList<FeatureView> Features,
    IReadOnlyList<StepView> Steps);
public sealed record FeatureView(string Feature, int Steps, int NewPoints);
public sealed record StepView(string Event, string Type, string Complexity, int Points, IReadOnlyList<string> Features);
public sealed record SlaView(decimal P99Ms, decimal UptimePercent, string Tier);
public sealed record TechDebtView(decimal Percent, TechDebtMeasuredView? Measured);
public sealed record TechDebtMeasuredView(long EffectiveLines, IReadOnlyDictionary<string, int> Markers, int LintFindings,
    decimal RemediationMinutes, decimal DevelopmentMinutes);
public sealed record CocomoView(double Kloc, double PersonMonths, double DurationMonths, double Staff, double EffortHours,
    double HoursPerPersonMonth);
public sealed record FactorsView(string Source, long? CalibrationId, EstimationAccuracy? SizeAccuracy,
    EstimationAccuracy? FunctionPointAccuracy);

/// <summary>
/// The effort's measured interval: <see cref="Nominal"/> is the share it aims to cover, <see cref="Coverage"/> the share
/// of the <see cref="Projects"/> past projects it did cover when each was left out of the calibration.
/// </summary>
public sealed record EffortRangeView(double Low, double Expected, double High, double Nominal, double Coverage, int Projects);

/// <summary>The blend against COCOMO: ratio = COCOMO / blend; past 2× either way, a note in both languages says why they differ.</summary>
public sealed record CrossCheckView(double Ratio, bool Disagrees, string? NoteEn, string? NoteZh)
{
    public static CrossCheckView From(CrossCheck x) =>
        new(Math.Round(x.Ratio, 2), x.Disagrees, x.Disagrees ? CrossCheckNote.English(x) : null,
            x.Disagrees ? CrossCheckNote.Chinese(x) : null);
}

/// <summary>The proposal's optional terms (spec keys <c>architecture</c>, <c>sla.support</c>, <c>milestones</c>).</summary>
public sealed record ProposalTermsView(string? ArchitectureMermaid, string? SupportWindow, IReadOnlyList<MilestoneView> Milestones);
public sealed record MilestoneView(string Name, DateOnly? Due, decimal? Amount);
