using System.Diagnostics;
using Jiedan.Domain.Credibility.Conversion;

namespace Jiedan.Credibility.Tests.Conversion;

public sealed class LogisticFitTests
{
    [Fact]
    public void Recovers_the_coefficients_of_a_known_generating_model()
    {
        // logit P(won) = -3 + 1.5 p + 2.5 r + 3.0 d (scores / 100), 5000 deals, scores uniform 0..100, fixed seed.
        // Standard error of each slope at this size is about 0.12; the tolerance is 0.4 (over three standard errors).
        double[] truth = [-3, 1.5, 2.5, 3.0];
        var random = new Random(2024);
        var deals = Enumerable.Range(0, 5000).Select(i =>
        {
            var (p, r, d) = (random.Next(0, 101), random.Next(0, 101), random.Next(0, 101));
            var eta = truth[0] + truth[1] * p / 100.0 + truth[2] * r / 100.0 + truth[3] * d / 100.0;
            return new ClosedDealScores(i, p, r, d, random.NextDouble() < 1 / (1 + Math.Exp(-eta)));
        }).ToList();

        var fit = LogisticFit.Fit(deals);

        var m = Assert.IsType<FittedConversion>(fit.Model);
        Assert.True(m.Converged);
        Assert.False(m.Separated);
        var c = m.Coefficients;
        TestContext.Current.TestOutputHelper?.WriteLine(
            FormattableString.Invariant($"recovered {c.Intercept:0.000} {c.Proposal:0.000} {c.Repository:0.000} {c.Demo:0.000}; ") +
            FormattableString.Invariant($"weights {m.Weights}; Brier in-sample {m.BrierInSample:0.0000}, ") +
            FormattableString.Invariant($"10-fold {m.BrierCrossValidated:0.0000}, seed {m.BrierSeed:0.0000}; {m.Iterations} iterations"));
        Assert.Equal(truth, [c.Intercept, c.Proposal, c.Repository, c.Demo], (a, b) => Math.Abs(a - b) < 0.4);
        // True weights 1.5/7, 2.5/7, 3/7 = 0.214, 0.357, 0.429: recovered within 0.05.
        var w = m.Weights!;
        Assert.InRange(w.Proposal, 0.214 - 0.05, 0.214 + 0.05);
        Assert.InRange(w.Repository, 0.357 - 0.05, 0.357 + 0.05);
        Assert.InRange(w.Demo, 0.429 - 0.05, 0.429 + 0.05);
        // The model that generated the data predicts better than the seed's estimate/100, and out of sample almost as well.
        Assert.True(m.BrierCrossValidated < m.BrierSeed, $"{m.BrierCrossValidated} vs seed {m.BrierSeed}");
        Assert.InRange(m.BrierCrossValidated - m.BrierInSample, 0, 0.005);
        Assert.Equal(10, m.Calibration.Count);
        Assert.Equal(5000, m.Calibration.Sum(b => b.Count));
        Assert.All(m.Calibration, b => Assert.InRange(b.ObservedRate - b.PredictedMean, -0.08, 0.08));
        Assert.True(m.Calibration.Zip(m.Calibration.Skip(1)).All(p => p.First.PredictedMean <= p.Second.PredictedMean));
    }

    [Fact]
    public void Brier_scores_and_one_newton_step_match_a_hand_computation()
    {
        // Brier of the seed estimate / 100 on five deals:
        //   (100,100,100) won  p = 1.00 → (1 - 1)²    = 0
        //   (0,0,0)       lost p = 0.00 → 0²          = 0
        //   (50,50,50)    won  p = 0.50 → 0.5²        = 0.25
        //   (100,0,0)     lost p = 0.28 → 0.28²       = 0.0784
        //   (0,100,100)   won  p = 0.72 → 0.28²       = 0.0784      mean = 0.4068 / 5 = 0.08136
        (int, int, int, bool)[] deals =
            [(100, 100, 100, true), (0, 0, 0, false), (50, 50, 50, true), (100, 0, 0, false), (0, 100, 100, true)];
        var seed = deals.Select(d => ConversionEstimate.AsProbability(ConversionWeights.Seed, d.Item1, d.Item2, d.Item3)).ToList();
        Assert.Equal(0.08136, LogisticFit.Brier(seed, deals.Select(d => d.Item4).ToList()), 12);

        // One Newton step from β = 0 on four deals x = (0,0,0) lost, (1,0,0) won, (0,1,0) won, (0,0,1) lost (scores / 100):
        // p = 0.5 everywhere, W = 0.25 I, gradient Xᵀ(y - p) = (0, 0.5, 0.5, -0.5).
        // XᵀX = [[4,1,1,1],[1,1,0,0],[1,0,1,0],[1,0,0,1]], H = 0.25 XᵀX + λ diag(0,1,1,1); with a = 0.25 + λ:
        //   δ1 = δ2 = (0.5 - 0.25 δ0) / a, δ3 = (-0.5 - 0.25 δ0) / a, δ0 + 0.25 (δ1 + δ2 + δ3) = 0 → δ0 = -0.125 / (a - 0.1875).
        // λ = 0:    a = 0.25 → δ = (-2, 4, 4, 0).
        // λ = 0.01: a = 0.26 → δ0 = -0.125 / 0.0725 = -1.7241379, δ1 = δ2 = 0.9310345 / 0.26 = 3.5809019,
        //           δ3 = -0.0689655 / 0.26 = -0.2652520.
        double[][] x = [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]];
        bool[] y = [false, true, true, false];
        Assert.Equal([-2, 4, 4, 0], LogisticRegression.NewtonStep(x, y, [0, 0, 0, 0], 0).Select(v => Math.Round(v, 9)));
        Assert.Equal([-1.7241379, 3.5809019, 3.5809019, -0.2652520],
            LogisticRegression.NewtonStep(x, y, [0, 0, 0, 0], 0.01).Select(v => Math.Round(v, 7)));
    }

    [Fact]
    public void Fewer_than_thirty_closed_deals_give_no_fit_and_say_how_many()
    {
        var deals = Enumerable.Range(0, 29).Select(i => new ClosedDealScores(i, i, 50, 50, i % 2 == 0)).ToList();
        var fit = LogisticFit.Fit(deals);
        Assert.Null(fit.Model);
        Assert.Equal("not enough deals: 29 of 30", fit.Problem);
        Assert.Equal((29, 15, 14), (fit.Deals, fit.Won, fit.Lost));
    }

    [Fact]
    public void Thirty_deals_all_won_give_no_fit()
    {
        var fit = LogisticFit.Fit(Enumerable.Range(0, 30).Select(i => new ClosedDealScores(i, i, 50, 50, true)).ToList());
        Assert.Null(fit.Model);
        Assert.Contains("all won", fit.Problem);
    }

    [Fact]
    public void Perfectly_separated_deals_give_finite_coefficients_and_are_flagged()
    {
        // Won exactly when the demo scores 50 or more: the plain maximum-likelihood slope would be infinite.
        var deals = Enumerable.Range(0, 40)
            .Select(i => new ClosedDealScores(i, (i * 37) % 101, (i * 53) % 101, i * 100 / 39, i * 100 / 39 >= 50)).ToList();
        var clock = Stopwatch.StartNew();

        var fit = LogisticFit.Fit(deals);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        var m = Assert.IsType<FittedConversion>(fit.Model);
        Assert.True(m.Separated);
        Assert.True(m.Converged);
        var c = m.Coefficients;
        Assert.All([c.Intercept, c.Proposal, c.Repository, c.Demo, m.BrierInSample, m.BrierCrossValidated],
            v => Assert.True(double.IsFinite(v)));
        Assert.True(m.Weights!.Demo > 0.8, m.Weights.ToString());
        Assert.True(m.BrierInSample < 0.05);
    }

    [Fact]
    public void When_no_score_raises_the_odds_there_are_no_fitted_weights()
    {
        // Won exactly when the demo scores low: every slope but the demo's is near 0, the demo's is negative.
        var deals = Enumerable.Range(0, 40)
            .Select(i => new ClosedDealScores(i, 50, 50, i * 100 / 39, i % 3 == 0 ? i < 30 : i < 10)).ToList();
        var m = LogisticFit.Fit(deals).Model!;
        Assert.True(m.Coefficients.Demo < 0);
        if (m.Coefficients.Proposal <= 0 && m.Coefficients.Repository <= 0) Assert.Null(m.Weights);
        else Assert.Equal(0, m.Weights!.Demo);
    }
}
