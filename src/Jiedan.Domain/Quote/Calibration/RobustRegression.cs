using MathNet.Numerics.LinearAlgebra;

namespace Jiedan.Domain.Quote.Calibration;

public enum RegressionMethod
{
    /// <summary>Ordinary least squares: the classic log-log model, pulled around by outlying projects.</summary>
    Ols,
    /// <summary>Least absolute deviations (median regression), fitted by iteratively reweighted least squares.</summary>
    Lad,
}

/// <summary>Linear least squares via MathNet's QR, and least absolute deviations by reweighting it.</summary>
public static class RobustRegression
{
    private const int MaxIterations = 200;
    private const double ResidualFloor = 1e-6;
    private const double Tolerance = 1e-10;
    private const double ObjectiveTolerance = 1e-8;

    /// <summary>Coefficients β minimising Σ|y − Xβ| (LAD) or Σ(y − Xβ)² (OLS). Rank-deficient X is an error.</summary>
    /// <exception cref="CollinearPredictorsException">a predictor is a combination of the others in these rows.</exception>
    public static double[] Fit(double[][] x, double[] y, RegressionMethod method)
    {
        var beta = LeastSquares(Matrix<double>.Build.DenseOfRowArrays(x), Vector<double>.Build.DenseOfArray(y));
        if (method == RegressionMethod.Ols) return beta.ToArray();

        // IRLS for the L1 loss: weight each row by 1/|residual| (floored so exact fits do not divide by zero). Each step
        // solves the small weighted normal equations XᵀWX β = XᵀWy (p × p) instead of a QR of the whole matrix.
        var n = x.Length;
        var p = x[0].Length;
        var coefficients = beta.ToArray();
        var objective = double.PositiveInfinity;
        var normal = new double[p * p];
        var right = new double[p];
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            Array.Clear(normal);
            Array.Clear(right);
            var current = 0.0;
            for (var i = 0; i < n; i++)
            {
                var row = x[i];
                var residual = y[i];
                for (var j = 0; j < p; j++) residual -= row[j] * coefficients[j];
                current += Math.Abs(residual);
                var w = 1.0 / Math.Max(Math.Abs(residual), ResidualFloor);
                for (var j = 0; j < p; j++)
                {
                    var wj = w * row[j];
                    right[j] += wj * y[i];
                    for (var k = 0; k <= j; k++) normal[j * p + k] += wj * row[k];
                }
            }
            // The L1 objective settles long before β does when residuals reach the floor: stop when it no longer moves.
            if (objective - current <= ObjectiveTolerance * Math.Max(current, 1.0)) break;
            objective = current;
            var system = Matrix<double>.Build.Dense(p, p, (j, k) => j >= k ? normal[j * p + k] : normal[k * p + j]);
            var next = system.Cholesky().Solve(Vector<double>.Build.DenseOfArray(right)).ToArray();
            var step = 0.0;
            for (var j = 0; j < p; j++) step += (next[j] - coefficients[j]) * (next[j] - coefficients[j]);
            coefficients = next;
            if (Math.Sqrt(step) < Tolerance) break;
        }
        return coefficients;
    }

    private static Vector<double> LeastSquares(Matrix<double> a, Vector<double> b)
    {
        var qr = a.QR();
        if (!qr.IsFullRank) throw new CollinearPredictorsException();
        return qr.Solve(b);
    }
}

/// <summary>The predictors cannot be told apart in these projects (a factor level with no variation?).</summary>
public sealed class CollinearPredictorsException()
    : ArgumentException("the predictors are collinear (a factor level with no variation?)");
