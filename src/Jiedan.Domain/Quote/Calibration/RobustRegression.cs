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

    /// <summary>Coefficients β minimising Σ|y − Xβ| (LAD) or Σ(y − Xβ)² (OLS). Rank-deficient X is an error.</summary>
    public static double[] Fit(double[][] x, double[] y, RegressionMethod method)
    {
        var a = Matrix<double>.Build.DenseOfRowArrays(x);
        var b = Vector<double>.Build.DenseOfArray(y);
        var beta = LeastSquares(a, b);
        if (method == RegressionMethod.Ols) return beta.ToArray();

        // IRLS for the L1 loss: weight each row by 1/|residual| (floored so exact fits do not divide by zero).
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var residuals = b - a * beta;
            var sqrtW = residuals.Map(r => 1.0 / Math.Sqrt(Math.Max(Math.Abs(r), ResidualFloor)));
            var weighted = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount, (i, j) => a[i, j] * sqrtW[i]);
            var next = LeastSquares(weighted, b.PointwiseMultiply(sqrtW));
            var step = (next - beta).L2Norm();
            beta = next;
            if (step < Tolerance) break;
        }
        return beta.ToArray();
    }

    private static Vector<double> LeastSquares(Matrix<double> a, Vector<double> b)
    {
        var qr = a.QR();
        if (!qr.IsFullRank) throw new ArgumentException("the predictors are collinear (a factor level with no variation?)", nameof(a));
        return qr.Solve(b);
    }
}
