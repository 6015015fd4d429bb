using System.Buffers.Binary;
using System.Text;

namespace CrossBorderConsumerCenter.Testing.Photos;

/// <summary>
/// Well-formed pictures of an exact length and without metadata, as the portal keeps them (the bytes of the picture are
/// filler: what matters to the tests is the structure the portal reads and the size the limits count).
/// </summary>
public static class ImageFiles
{
    /// <summary>The smallest length each kind can be made at.</summary>
    public const int MinLength = 64;

    /// <summary>SOI, JFIF, a start of scan, filler entropy-coded data (never 0xFF), EOI.</summary>
    public static byte[] Jpeg(int length = 2048)
    {
        byte[] head =
        [
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
            0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        ];
        var bytes = Sized(length, head.Length + 2);
        head.CopyTo(bytes, 0);
        Fill(bytes, head.Length, length - 2);
        bytes[^2] = 0xFF;
        bytes[^1] = 0xD9;
        return bytes;
    }

    /// <summary>Signature, IHDR (1×1, 8-bit grey), one IDAT of filler, IEND, each with its CRC.</summary>
    public static byte[] Png(int length = 2048)
    {
        var bytes = Sized(length, 8 + 25 + 12 + 12);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(bytes, 0);
        var at = 8;
        at = Chunk(bytes, at, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        var data = new byte[length - at - 12 - 12];
        Fill(data, 0, data.Length);
        at = Chunk(bytes, at, "IDAT", data);
        Chunk(bytes, at, "IEND", []);
        return bytes;
    }

    /// <summary>ftyp (heic, mif1), an empty meta box (no items, so no Exif or XMP), an mdat of filler.</summary>
    public static byte[] Heic(int length = 2048)
    {
        var bytes = Sized(length, 24 + 12 + 8);
        byte[] head = [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, 0, 0, 0, 0x0C, .. "meta"u8, 0, 0, 0, 0];
        head.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(head.Length), (uint)(length - head.Length));
        Encoding.ASCII.GetBytes("mdat").CopyTo(bytes, head.Length + 4);
        Fill(bytes, head.Length + 8, length);
        return bytes;
    }

    private static byte[] Sized(int length, int least) =>
        length >= Math.Max(least, MinLength) ? new byte[length] : throw new ArgumentOutOfRangeException(nameof(length), $"at least {MinLength} bytes");

    private static void Fill(byte[] bytes, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            bytes[i] = (byte)(i % 251);
        }
    }

    private static int Chunk(byte[] file, int at, string type, byte[] data)
    {
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at), (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(file, at + 4);
        data.CopyTo(file, at + 8);
        BinaryPrimitives.WriteUInt32BigEndian(file.AsSpan(at + 8 + data.Length), Crc32(file.AsSpan(at + 4, 4 + data.Length)));
        return at + 12 + data.Length;
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
