using System.Buffers;
using System.Text.Json;

namespace Jiedan.Domain.Gate.Findings;

/// <summary>
/// Feeds a <see cref="Utf8JsonReader"/> from a stream in chunks, so a large report is walked token by token without
/// being held in memory, and knows the line of the current token for error messages.
/// </summary>
internal sealed class JsonStreamBuffer(Stream stream, string name) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
    private int _length;
    private bool _final;
    private long _linesBefore;

    public string Name => name;

    public Utf8JsonReader Start()
    {
        Fill();
        return new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, default);
    }

    /// <summary>Reads the next token, fetching more input as needed; a document that ends early is an error.</summary>
    public void Read(ref Utf8JsonReader reader)
    {
        while (!reader.Read())
        {
            if (_final) throw new GateInputException(name, Line(ref reader), "truncated: the JSON document ends early");
            Refill(ref reader);
        }
    }

    /// <summary>Skips the current value (and its children), fetching more input as needed.</summary>
    public void Skip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.PropertyName) Read(ref reader);
        while (!reader.TrySkip())
        {
            if (_final) throw new GateInputException(name, Line(ref reader), "truncated: the JSON document ends early");
            Refill(ref reader);
        }
    }

    /// <summary>1-based line of the current token.</summary>
    public long Line(ref Utf8JsonReader reader)
    {
        var upTo = (int)Math.Min(reader.TokenStartIndex, _length);
        return _linesBefore + _buffer.AsSpan(0, upTo).Count((byte)'\n') + 1;
    }

    private void Refill(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _linesBefore += _buffer.AsSpan(0, consumed).Count((byte)'\n');
        var remaining = _length - consumed;
        if (remaining == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(consumed, remaining).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        else
        {
            _buffer.AsSpan(consumed, remaining).CopyTo(_buffer);
        }
        _length = remaining;
        Fill();
        reader = new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, reader.CurrentState);
    }

    private void Fill()
    {
        while (_length < _buffer.Length)
        {
            var read = stream.Read(_buffer, _length, _buffer.Length - _length);
            if (read == 0) { _final = true; return; }
            _length += read;
        }
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);
}
