namespace Jiedan.Domain.Pipeline;

/// <summary>Why a transition is refused, and which of its inputs is at fault: <c>stage</c>, <c>reason</c> or <c>at</c>.</summary>
public sealed record TransitionProblem(string Field, string Message)
{
    public override string ToString() => Message;
}
