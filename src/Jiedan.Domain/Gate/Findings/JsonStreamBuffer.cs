using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Jiedan.Domain.Parsing;

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
    // Newlines counted so far in _buffer[0.._scanned], so asking for the line of each token costs O(n) in all.
    private int _scanned;
    private long _scannedLines;

    public string Name => name;

    public Utf8JsonReader Start()
    {
        Fill();
        return new Utf8JsonReader(_buffer.AsSpan(0, _length), _final, new JsonReaderState(BoundedJson.ReaderOptions));
    }

    /// <summary>Reads the next token, fetching more input as needed; a document that ends early is an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Read(ref Utf8JsonReader reader)
    {
        while (!reader.Read())
        {
            if (_final) throw new GateInputException(name, Line(ref reader), "truncated: the JSON document ends early");
            Refill(ref reader);
        }
    }

    /// <summary>Skips the current value (and its children), fetching more input as needed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public long Line(ref Utf8JsonReader reader)
    {
        var upTo = (int)Math.Min(reader.TokenStartIndex, _length);
        if (upTo < _scanned) { _scanned = 0; _scannedLines = 0; }
        _scannedLines += _buffer.AsSpan(_scanned, upTo - _scanned).Count((byte)'\n');
        _scanned = upTo;
        return _linesBefore + _scannedLines + 1;
    }

    private void Refill(ref Utf8JsonReader reader)
    {
        var consumed = (int)reader.BytesConsumed;
        _linesBefore += _buffer.AsSpan(0, consumed).Count((byte)'\n');
        _scanned = 0;
        _scannedLines = 0;
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
