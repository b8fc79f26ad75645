using System.Text.Json;
using Jiedan.Credibility.Storage;
using Jiedan.Deals.Storage;
using Jiedan.Domain.Credibility;
using Jiedan.Domain.Credibility.Conversion;
using Jiedan.Domain.Parsing;
using Jiedan.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Jiedan.Credibility.Conversion;

/// <summary>
/// The conversion estimate per deal, shared by the API, the pages and the CLI: records a scoring with the weights in
/// force, reads a deal's current scoring and history, fits the weights to closed deals and adopts weights.
/// </summary>
public sealed class ConversionService(ConversionDbContext db, DealsDbContext deals, ClosedDeals closedDeals, TimeProvider clock)
{
    private static readonly JsonSerializerOptions ChecksJson = new(JsonSerializerDefaults.Web) { MaxDepth = BoundedJson.MaxDepth };

    public Task<bool> DealExistsAsync(long dealId, CancellationToken ct) => deals.Deals.AnyAsync(d => d.Id == dealId, ct);

    public async Task<WeightsInForce> WeightsAsync(CancellationToken ct)
    {
        var row = await db.Weights.AsNoTracking().OrderByDescending(w => w.CreatedAtUtc).ThenByDescending(w => w.Id)
            .FirstOrDefaultAsync(ct);
        return row is null
            ? WeightsInForce.Seed
            : new WeightsInForce(new ConversionWeights(row.Proposal, row.Repository, row.Demo), row.Source, row.CreatedAtUtc.AsUtc(),
                row.FittedDeals, row.Brier);
    }

    /// <summary>Scores the deal with the weights in force and stores the scoring; null (nothing stored) without the deal.</summary>
    public async Task<DealScoring?> RecordAsync(long dealId, AssetScores scores, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scores);
        if (!await DealExistsAsync(dealId, ct)) return null;
        var weights = (await WeightsAsync(ct)).Weights;
        var estimate = ConversionEstimate.Of(weights, scores.Proposal, scores.Repository, scores.Demo);
        var record = new DealConversionScoreRecord
        {
            DealId = dealId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Proposal = scores.Proposal.Score,
            Repository = scores.Repository.Score,
            Demo = scores.Demo.Score,
            Estimate = estimate.Value,
            WeightProposal = weights.Proposal,
            WeightRepository = weights.Repository,
            WeightDemo = weights.Demo,
            ProposalChecksJson = JsonSerializer.Serialize(scores.Proposal.Checks, ChecksJson),
            RepositoryChecksJson = JsonSerializer.Serialize(scores.Repository.Checks, ChecksJson),
            DemoChecksJson = JsonSerializer.Serialize(scores.Demo.Checks, ChecksJson),
            SourceNotes = scores.Notes,
        };
        db.Scores.Add(record);
        await db.SaveChangesAsync(ct);
        return View(record);
    }

    /// <summary>The newest scoring of the deal, or null when it has none.</summary>
    public async Task<DealScoring?> CurrentAsync(long dealId, CancellationToken ct)
    {
        var row = await db.Scores.AsNoTracking().Where(s => s.DealId == dealId)
            .OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).FirstOrDefaultAsync(ct);
        return row is null ? null : View(row);
    }

    /// <summary>Every scoring of the deal, newest first; null when the deal does not exist.</summary>
    public async Task<IReadOnlyList<DealScoring>?> HistoryAsync(long dealId, CancellationToken ct)
    {
        if (!await DealExistsAsync(dealId, ct)) return null;
        var rows = await db.Scores.AsNoTracking().Where(s => s.DealId == dealId).ToListAsync(ct);
        return rows.OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).Select(View).ToList();
    }

    /// <summary>
    /// Fits the weights to the closed deals (<see cref="ClosedDeals"/>) that have a scoring: each deal with the scoring
    /// current when it closed, or its newest one when it was only scored after closing.
    /// </summary>
    public async Task<ConversionFit> FitAsync(CancellationToken ct) => LogisticFit.Fit(await ClosedDealScoresAsync(ct));

    public async Task<IReadOnlyList<ClosedDealScores>> ClosedDealScoresAsync(CancellationToken ct)
    {
        var closed = await closedDeals.ListAsync(ct);
        var ids = closed.Select(c => c.DealId).ToList();
        var scores = (await db.Scores.AsNoTracking().Where(s => ids.Contains(s.DealId))
            .Select(s => new { s.Id, s.DealId, s.CreatedAtUtc, s.Proposal, s.Repository, s.Demo }).ToListAsync(ct))
            .ToLookup(s => s.DealId);
        var result = new List<ClosedDealScores>();
        foreach (var deal in closed)
        {
            var ordered = scores[deal.DealId].OrderByDescending(s => s.CreatedAtUtc).ThenByDescending(s => s.Id).ToList();
            var atClose = ordered.FirstOrDefault(s => s.CreatedAtUtc.AsUtc() <= deal.ClosedAtUtc) ?? ordered.FirstOrDefault();
            if (atClose is not null)
                result.Add(new ClosedDealScores(deal.DealId, atClose.Proposal, atClose.Repository, atClose.Demo, deal.Won));
        }
        return result;
    }

    /// <summary>Adopts <paramref name="weights"/> from now on; scorings already stored keep the weights they were made with.</summary>
    public async Task<WeightsInForce> UseWeightsAsync(ConversionWeights weights, string source, CancellationToken ct,
        int? fittedDeals = null, double? brier = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (!WeightsInForce.Sources.Contains(source, StringComparer.Ordinal))
            throw new ArgumentException($"source must be one of {string.Join(", ", WeightsInForce.Sources)}", nameof(source));
        var row = new ConversionWeightsRecord
        {
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            Proposal = weights.Proposal,
            Repository = weights.Repository,
            Demo = weights.Demo,
            Source = source,
            FittedDeals = fittedDeals,
            Brier = brier,
        };
        db.Weights.Add(row);
        await db.SaveChangesAsync(ct);
        return new WeightsInForce(weights, source, row.CreatedAtUtc.AsUtc(), fittedDeals, brier);
    }

    /// <summary>Fits and adopts the fitted weights (with the deal count and cross-validated Brier); a problem without a fit.</summary>
    public async Task<(WeightsInForce? Adopted, string? Problem)> UseFittedAsync(CancellationToken ct)
    {
        var fit = await FitAsync(ct);
        if (fit.Model is null) return (null, fit.Problem);
        if (fit.Model.Weights is not { } weights)
            return (null, "no score raised the odds of winning in the closed deals (every slope ≤ 0): keep the current weights");
        return (await UseWeightsAsync(weights, WeightsInForce.FittedSource, ct, fit.Deals, fit.Model.BrierCrossValidated), null);
    }

    private static DealScoring View(DealConversionScoreRecord r)
    {
        var proposal = new AssetScore(r.Proposal, Checks(r.ProposalChecksJson));
        var repository = new AssetScore(r.Repository, Checks(r.RepositoryChecksJson));
        var demo = new AssetScore(r.Demo, Checks(r.DemoChecksJson));
        var weights = new ConversionWeights(r.WeightProposal, r.WeightRepository, r.WeightDemo);
        var estimate = ConversionEstimate.Of(weights, proposal, repository, demo) with { Value = r.Estimate };
        return new DealScoring(r.Id, r.DealId, r.CreatedAtUtc.AsUtc(), proposal, repository, demo, estimate, r.SourceNotes);
    }

    private static List<CredibilityCheck> Checks(string json) => JsonSerializer.Deserialize<List<CredibilityCheck>>(json, ChecksJson) ?? [];
}
