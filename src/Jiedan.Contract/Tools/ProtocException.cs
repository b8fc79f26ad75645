namespace Jiedan.Contract.Tools;

/// <summary>protoc could not be run, ran too long, or refused the generated file (its messages, bounded, in the text).</summary>
public sealed class ProtocException(string message) : Exception(message);
