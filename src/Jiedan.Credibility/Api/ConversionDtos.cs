using Jiedan.Credibility.Conversion;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Conversion;

namespace Jiedan.Credibility.Api;

/// <summary>The body of POST /deals/{id}/conversion (documentation shape; the body is read by <see cref="AssetScoresJson"/>).</summary>
public sealed record ConversionScoringRequest(AssetScore Proposal, AssetScore Repository, AssetScore Demo, string? Notes);

/// <summary>The body of PUT /conversion/weights: the three weights (summing to 1), or <c>use</c> = <c>fitted</c> or <c>seed</c>.</summary>
public sealed record ConversionWeightsRequest(double? Proposal, double? Repository, double? Demo, string? Use);

public sealed record WeightsDto(double Proposal, double Repository, double Demo)
{
    public static WeightsDto From(ConversionWeights w) => new(w.Proposal, w.Repository, w.Demo);
}

public sealed record WeightsInForceDto(WeightsDto Weights, string Source, DateTime? SinceUtc, int? FittedDeals, double? Brier,
    WeightsDto Seed)
{
    public static WeightsInForceDto From(WeightsInForce w) =>
        new(WeightsDto.From(w.Weights), w.Source, w.SinceUtc, w.FittedDeals, w.Brier, WeightsDto.From(ConversionWeights.Seed));
}

public sealed record ScoringDto(long Id, long DealId, DateTime CreatedAtUtc, double Estimate, WeightsDto Weights, AssetScore Proposal,
    AssetScore Repository, AssetScore Demo, IReadOnlyList<ConversionRecommendation> Recommendations, string? Notes)
{
    public static ScoringDto From(DealScoring s) => new(s.Id, s.DealId, s.CreatedAtUtc, s.Estimate.Value,
        WeightsDto.From(s.Estimate.Weights), s.Proposal, s.Repository, s.Demo, s.Estimate.Recommendations, s.Notes);
}

/// <summary>A deal's conversion: the current scoring (null before the first), every scoring newest first, the weights in force.</summary>
public sealed record DealConversionDto(long DealId, ScoringDto? Current, IReadOnlyList<ScoringDto> History, WeightsInForceDto Weights);

/// <summary>The fit over closed deals: counts, the problem when there is no model, the model, and the rule for "won".</summary>
public sealed record ConversionFitDto(int Deals, int Won, int Lost, int MinimumDeals, string WonStage, string? Problem,
    FittedModelDto? Model, WeightsDto Seed)
{
    public static ConversionFitDto From(ConversionFit fit, string wonStage) => new(fit.Deals, fit.Won, fit.Lost, LogisticFit.MinimumDeals,
        wonStage, fit.Problem, fit.Model is { } m ? FittedModelDto.From(m) : null, WeightsDto.From(ConversionWeights.Seed));
}

public sealed record FittedModelDto(LogisticCoefficients Coefficients, WeightsDto? Weights, int Iterations, bool Converged, bool Separated,
    double Ridge, double BrierInSample, double BrierCrossValidated, int Folds, double BrierSeed, IReadOnlyList<CalibrationBin> Calibration,
    IReadOnlyList<CalibrationBin> SeedCalibration)
{
    public static FittedModelDto From(FittedConversion m) => new(m.Coefficients, m.Weights is { } w ? WeightsDto.From(w) : null,
        m.Iterations, m.Converged, m.Separated, LogisticFit.Ridge, m.BrierInSample, m.BrierCrossValidated, LogisticFit.Folds, m.BrierSeed,
        m.Calibration, m.SeedCalibration);
}
