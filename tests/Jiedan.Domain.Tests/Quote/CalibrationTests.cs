using Jiedan.Domain.Quote;
using Jiedan.Domain.Quote.Calibration;

namespace Jiedan.Domain.Tests.Quote;

/// <summary>
/// Calibration on the public Desharnais data set. The baseline figures come from the issue (log-log least squares on
/// adjusted function points: MMRE 0.64, PRED(25) 0.35; with language class: MMRE 0.36, PRED(25) 0.47).
/// </summary>
public class CalibrationTests
{
    private static HistoryData Desharnais(string points, params string[] factors)
    {
        using var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "Quote", "Data", "desharnais.csv"));
        return HistoryCsv.Read(reader, "desharnais.csv", new HistoryColumns("Effort", "lines", points, factors));
    }

    [Fact]
    public void Desharnais_has_77_complete_projects()
    {
        var data = Desharnais("PointsAdjust");
        Assert.Equal(77, data.Projects.Count);
        Assert.Equal([39, 45, 67, 76], data.IncompleteLines); // projects 38, 44, 66, 75 (line 1 is the header)
    }

    [Fact]
    public void Baseline_log_log_on_adjusted_points_reproduces_the_published_figures()
    {
        var fp = Calibrator.Calibrate(Desharnais("PointsAdjust"), RegressionMethod.Ols).FunctionPoints!;

        Assert.Equal(0.64, fp.Accuracy.Mmre, 0.01);
        Assert.Equal(0.35, fp.Accuracy.Pred25, 0.01);
        Assert.Equal(77, fp.Accuracy.Projects);
    }

    [Fact]
    public void Baseline_with_language_class_reproduces_the_published_figures()
    {
        var fp = Calibrator.Calibrate(Desharnais("PointsAdjust", "Language"), RegressionMethod.Ols).FunctionPoints!;

        Assert.Equal(0.36, fp.Accuracy.Mmre, 0.01);
        Assert.Equal(0.47, fp.Accuracy.Pred25, 0.01);
    }

    [Fact]
    public void Median_regression_on_unadjusted_points_with_language_beats_both_baselines()
    {
        // Unadjusted points are what a quote counts (no value adjustment factor), and language is known before work
        // starts. Length (duration) and the actual team are not known at quote time and are left out.
        var mine = Calibrator.Calibrate(Desharnais("PointsNonAjust", "Language"), RegressionMethod.Lad).FunctionPoints!.Accuracy;
        var baseline = Calibrator.Calibrate(Desharnais("PointsAdjust", "Language"), RegressionMethod.Ols).FunctionPoints!.Accuracy;

        Assert.True(mine.Mmre < baseline.Mmre - 0.02, $"MMRE {mine.Mmre:0.000} vs baseline {baseline.Mmre:0.000}");
        Assert.True(mine.Pred25 > baseline.Pred25, $"PRED(25) {mine.Pred25:0.000} vs baseline {baseline.Pred25:0.000}");
        Assert.True(mine.Mmre < 0.64 && mine.Pred25 > 0.35);
    }

    [Fact]
    public void The_fitted_model_predicts_through_the_quote_path()
    {
        var calibration = Calibrator.Calibrate(Desharnais("PointsNonAjust", "Language"), RegressionMethod.Lad);
        var model = calibration.FunctionPoints!.Model;

        Assert.Equal(["1", "2", "3"], model.FactorMultipliers["Language"].Keys.Order());
        Assert.Equal(1.0, model.FactorMultipliers["Language"]["1"]); // the most frequent level is the reference
        Assert.InRange(model.Exponent, 0.5, 1.5);
        // Language 3 (a 4GL in the original study) takes fewer hours per point than language 1.
        Assert.True(model.FactorMultipliers["Language"]["3"] < 1.0);

        var factors = calibration.ApplyTo(ProductivityFactors.Default, "desharnais");
        Assert.Same(model, factors.FunctionPoints);
        Assert.Same(ProductivityFactors.Default.Size, factors.Size);
    }

    [Theory]
    [InlineData(RegressionMethod.Ols)]
    [InlineData(RegressionMethod.Lad)]
    public void A_history_generated_by_a_known_model_gives_that_model_back(RegressionMethod method)
    {
        // hours = 0.05 × lines^0.9 × (1.5 for java, 1 for go): both fits must recover it and predict every project exactly.
        var rows = new List<string> { "actual_hours,lines,language" };
        foreach (var lines in new[] { 800, 1500, 3000, 5000, 9000, 12000, 20000, 40000 })
            foreach (var (language, m) in new[] { ("go", 1.0), ("java", 1.5) })
                if ((lines / 100 + language.Length) % 3 != 0)
                    rows.Add(FormattableString.Invariant($"{0.05 * Math.Pow(lines, 0.9) * m:R},{lines},{language}"));
        var data = HistoryCsv.Read(new StringReader(string.Join("\n", rows)), "synthetic.csv", HistoryColumns.Default);

        var size = Calibrator.Calibrate(data, method).Size!;

        Assert.Equal(0.05, size.Model.Coefficient * size.Model.FactorMultipliers["language"]["go"], 1e-6);
        Assert.Equal(0.9, size.Model.Exponent, 1e-6);
        Assert.Equal(1.5, size.Model.FactorMultipliers["language"]["java"] / size.Model.FactorMultipliers["language"]["go"], 1e-6);
        Assert.True(size.Accuracy.Mmre < 1e-6);
        Assert.Equal(1.0, size.Accuracy.Pred25);
    }

    [Fact]
    public void Loo_predictions_never_see_the_project_they_predict()
    {
        // A history where one project is wildly off: its own LOO prediction must come from the others, so its MRE is large.
        var rows = Enumerable.Range(1, 10).Select(i => $"{i * 100},{i * 10},go").Append("50000,50,go");
        var csv = "actual_hours,function_points,language\n" + string.Join("\n", rows);
        var data = HistoryCsv.Read(new StringReader(csv), "h.csv", HistoryColumns.Default);
        var fp = Calibrator.Calibrate(data, RegressionMethod.Ols).FunctionPoints!;

        var outlier = fp.Predictions.Single(p => p.Actual == 50000);
        Assert.True(outlier.Predicted < 5000, $"predicted {outlier.Predicted}");
    }

    [Theory]
    [InlineData("actual_hours,function_points\n100,10\nabc,20\n", 3, 1, "must be a number")]
    [InlineData("actual_hours,function_points\n100,10\n100,-2\n", 3, 2, "0 or more")]
    [InlineData("actual_hours,function_points\n0,10\n", 2, 1, "above 0")]
    [InlineData("hours,function_points\n100,10\n", 1, 1, "no 'actual_hours' column")]
    [InlineData("actual_hours,team\n100,10\n", 1, 1, "needs a size")]
    public void History_errors_name_line_and_column(string csv, int line, int column, string problem)
    {
        var e = Assert.Throws<HistoryFormatException>(() => HistoryCsv.Read(new StringReader(csv), "h.csv", HistoryColumns.Default));
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains(problem, e.Message);
        Assert.StartsWith($"h.csv:{line}:{column}:", e.Message);
    }
}
