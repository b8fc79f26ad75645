using MathNet.Numerics.LinearAlgebra;

namespace Jiedan.Domain.Credibility.Conversion;

/// <summary>A fitted logistic model: <c>Coefficients[0]</c> is the intercept, then one slope per feature.</summary>
public sealed record LogisticModel(IReadOnlyList<double> Coefficients, int Iterations, bool Converged)
{
    public double Predict(IReadOnlyList<double> features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var eta = Coefficients[0];
        for (var j = 0; j < features.Count; j++) eta += Coefficients[j + 1] * features[j];
        return LogisticRegression.Sigmoid(eta);
    }
}

/// <summary>
/// Logistic regression with an intercept, fitted by Newton–Raphson (IRLS) on the penalised log-likelihood
/// ℓ(β) − ridge/2 · Σ slope² (the intercept is not penalised). The ridge keeps the coefficients finite when the outcomes
/// are perfectly separated, where the plain maximum-likelihood estimate does not exist. A step that lowers the penalised
/// likelihood is halved (up to 30 times); the fit stops when no coefficient moves more than <see cref="Tolerance"/>, or
/// after <see cref="MaxIterations"/> steps (then <see cref="LogisticModel.Converged"/> is false).
/// </summary>
public static class LogisticRegression
{
    public const int MaxIterations = 100;
    public const double Tolerance = 1e-8;

    public static LogisticModel Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double ridge)
    {
        Check(x, y, ridge);
        var beta = new double[x[0].Length + 1];
        var objective = PenalisedLogLikelihood(x, y, beta, ridge);
        for (var iteration = 1; iteration <= MaxIterations; iteration++)
        {
            var step = NewtonStep(x, y, beta, ridge);
            var scale = 1.0;
            double[] next;
            double nextObjective;
            var halvings = 0;
            do
            {
                next = beta.Select((b, j) => b + scale * step[j]).ToArray();
                nextObjective = PenalisedLogLikelihood(x, y, next, ridge);
                scale /= 2;
            }
            while (nextObjective < objective - 1e-12 && ++halvings <= 30);
            var moved = next.Select((b, j) => Math.Abs(b - beta[j])).Max();
            (beta, objective) = (next, nextObjective);
            if (moved < Tolerance) return new LogisticModel(beta, iteration, true);
        }
        return new LogisticModel(beta, MaxIterations, false);
    }

    /// <summary>
    /// One full Newton step from <paramref name="beta"/>: δ = (XᵀWX + R)⁻¹ (Xᵀ(y − p) − Rβ), W = diag(p(1 − p)),
    /// R = ridge on the slopes' diagonal and 0 for the intercept. X carries a leading column of ones.
    /// </summary>
    public static double[] NewtonStep(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<double> beta, double ridge)
    {
        Check(x, y, ridge);
        var k = beta.Count;
        var hessian = new double[k, k];
        var gradient = new double[k];
        var row = new double[k];
        for (var i = 0; i < x.Count; i++)
        {
            row[0] = 1;
            Array.Copy(x[i], 0, row, 1, k - 1);
            var p = Sigmoid(Dot(row, beta));
            var w = p * (1 - p);
            var residual = (y[i] ? 1 : 0) - p;
            for (var a = 0; a < k; a++)
            {
                gradient[a] += row[a] * residual;
                for (var b = 0; b < k; b++) hessian[a, b] += w * row[a] * row[b];
            }
        }
        for (var j = 1; j < k; j++)
        {
            hessian[j, j] += ridge;
            gradient[j] -= ridge * beta[j];
        }
        var h = Matrix<double>.Build.DenseOfArray(hessian);
        var g = Vector<double>.Build.DenseOfArray(gradient);
        // Positive definite whenever ridge > 0 or X has full column rank; LU covers the rank-deficient unpenalised case.
        var solved = ridge > 0 ? h.Cholesky().Solve(g) : h.LU().Solve(g);
        return solved.ToArray();
    }

    public static double PenalisedLogLikelihood(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, IReadOnlyList<double> beta, double ridge)
    {
        var sum = 0.0;
        var row = new double[beta.Count];
        for (var i = 0; i < x.Count; i++)
        {
            row[0] = 1;
            Array.Copy(x[i], 0, row, 1, beta.Count - 1);
            var eta = Dot(row, beta);
            sum -= y[i] ? Softplus(-eta) : Softplus(eta);
        }
        for (var j = 1; j < beta.Count; j++) sum -= ridge / 2 * beta[j] * beta[j];
        return sum;
    }

    public static double Sigmoid(double eta) => eta >= 0 ? 1 / (1 + Math.Exp(-eta)) : Math.Exp(eta) / (1 + Math.Exp(eta));

    /// <summary>log(1 + eᶻ) without overflow.</summary>
    private static double Softplus(double z) => z > 0 ? z + double.LogP1(Math.Exp(-z)) : double.LogP1(Math.Exp(z));

    private static double Dot(double[] row, IReadOnlyList<double> beta)
    {
        var s = 0.0;
        for (var j = 0; j < row.Length; j++) s += row[j] * beta[j];
        return s;
    }

    private static void Check(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double ridge)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count == 0 || x.Count != y.Count) throw new ArgumentException("one outcome per row, at least one row", nameof(y));
        if (ridge < 0 || !double.IsFinite(ridge)) throw new ArgumentOutOfRangeException(nameof(ridge), "ridge must be finite and ≥ 0");
    }
}
