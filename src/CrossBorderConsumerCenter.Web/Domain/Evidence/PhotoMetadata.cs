using System.Buffers.Binary;
using System.Text;

namespace CrossBorderConsumerCenter.Web.Domain.Evidence;

/// <summary>
/// Removes what a photo says about where and with what it was taken before the center keeps it: a phone's photo carries
/// the GPS position of the place it was taken (often the consumer's home), the camera's make, model and serial number,
/// the time, thumbnails of the picture before it was cropped, and editing software's notes. The picture itself is never
/// decoded or re-encoded: the metadata parts of the file are dropped or blanked byte by byte, so nothing of the image is
/// lost and no image decoder sees a hostile file.
/// <list type="bullet">
/// <item>JPEG: every APPn segment but JFIF (APP0), the colour profile (APP2 ICC_PROFILE) and Adobe's colour transform
/// (APP14); comments; anything after the image's end (other pictures a phone appends). The orientation a camera
/// recorded is written back as a one-entry Exif segment, so the photo is still shown the right way up.</item>
/// <item>PNG: only the chunks that draw the picture are kept (header, palette, data, transparency, gamma, chromaticity,
/// sRGB, colour profile, significant bits, background, pixel size, animation); text, time and Exif chunks go.</item>
/// <item>HEIC: the Exif and XMP items are overwritten in place with empty ones of the same length (HEIF turns the picture
/// with its own properties, never with Exif's orientation); the boxes around them are not moved.</item>
/// </list>
/// </summary>
public static class PhotoMetadata
{
    /// <summary>The photo without its metadata, or null when the file is not a well-formed image of that kind.</summary>
    public static byte[]? Strip(EvidenceFileType type, ReadOnlySpan<byte> file)
    {
        try
        {
            return type switch
            {
                EvidenceFileType.Jpeg => StripJpeg(file),
                EvidenceFileType.Png => StripPng(file),
                EvidenceFileType.Heic => StripHeic(file),
                _ => file.ToArray(),
            };
        }
        catch (Exception e) when (e is IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidDataException or OverflowException)
        {
            return null; // a length or offset that points outside the file: not a well-formed image
        }
    }

    // ---- JPEG (ITU-T T.81, JFIF, Exif 2.32) ----

    private static byte[]? StripJpeg(ReadOnlySpan<byte> file)
    {
        if (file.Length < 4 || file[0] != 0xFF || file[1] != 0xD8)
        {
            return null;
        }

        var output = new MemoryStream(file.Length);
        output.Write(file[..2]);
        var orientationWritten = false;
        var orientation = (ushort)1;
        var i = 2;
        while (true)
        {
            // Fill bytes (0xFF repeated) may precede a marker.
            while (i < file.Length && file[i] == 0xFF && i + 1 < file.Length && file[i + 1] == 0xFF)
            {
                i++;
            }

            if (i + 1 >= file.Length || file[i] != 0xFF)
            {
                return null;
            }

            var marker = file[i + 1];
            if (marker == 0xD9)
            {
                output.Write(file.Slice(i, 2));
                return output.ToArray(); // the end of the image: whatever follows is not kept
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                output.Write(file.Slice(i, 2));
                i += 2;
                continue;
            }

            if (i + 4 > file.Length)
            {
                return null;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(i + 2)..]);
            if (length < 2 || i + 2 + length > file.Length)
            {
                return null;
            }

            var segment = file.Slice(i, 2 + length);
            var body = segment[4..];
            if (marker == 0xE1 && body.StartsWith("Exif\0\0"u8))
            {
                orientation = ExifOrientation(body[6..]) ?? orientation;
            }

            var keep = marker switch
            {
                0xE0 => body.StartsWith("JFIF\0"u8),
                0xE2 => body.StartsWith("ICC_PROFILE\0"u8),
                0xEE => body.StartsWith("Adobe"u8),
                >= 0xE0 and <= 0xEF => false,
                0xFE => false,
                _ => true,
            };

            // The orientation goes in before the first segment that is not an application segment (frame, tables).
            if (!orientationWritten && marker is not (>= 0xE0 and <= 0xEF) and not 0xFE)
            {
                if (orientation is >= 2 and <= 8)
                {
                    output.Write(OrientationOnlyExifSegment(orientation));
                }

                orientationWritten = true;
            }

            if (keep)
            {
                output.Write(segment);
            }

            i += 2 + length;
            if (marker == 0xDA)
            {
                // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
                var scanStart = i;
                while (i + 1 < file.Length && !(file[i] == 0xFF && file[i + 1] != 0x00 && file[i + 1] is not (>= 0xD0 and <= 0xD7)))
                {
                    i++;
                }

                if (i + 1 >= file.Length)
                {
                    return null;
                }

                output.Write(file[scanStart..i]);
            }
        }
    }

    /// <summary>The Orientation tag (0x0112) of IFD0 in a TIFF structure, if it is there and well formed.</summary>
    private static ushort? ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8)
        {
            return null;
        }

        var bigEndian = tiff[0] == (byte)'M' && tiff[1] == (byte)'M';
        if (!bigEndian && !(tiff[0] == (byte)'I' && tiff[1] == (byte)'I'))
        {
            return null;
        }

        var ifd = TiffU32(tiff, 4, bigEndian);
        if (ifd > tiff.Length - 2)
        {
            return null;
        }

        var count = TiffU16(tiff, (int)ifd, bigEndian);
        for (var n = 0; n < count; n++)
        {
            var entry = (int)ifd + 2 + (n * 12);
            if (entry + 12 > tiff.Length)
            {
                return null;
            }

            if (TiffU16(tiff, entry, bigEndian) == 0x0112 && TiffU16(tiff, entry + 2, bigEndian) == 3)
            {
                return TiffU16(tiff, entry + 8, bigEndian);
            }
        }

        return null;
    }

    private static uint TiffU32(ReadOnlySpan<byte> tiff, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(tiff[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(tiff[at..]);

    private static ushort TiffU16(ReadOnlySpan<byte> tiff, int at, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(tiff[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(tiff[at..]);

    /// <summary>An APP1 Exif segment whose IFD0 holds only the orientation (big-endian TIFF, one SHORT entry).</summary>
    private static byte[] OrientationOnlyExifSegment(ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // header, IFD0 at 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, (byte)(orientation >> 8), (byte)orientation, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        var length = 2 + 6 + tiff.Length;
        var segment = new byte[2 + length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)length);
        "Exif\0\0"u8.CopyTo(segment.AsSpan(4));
        tiff.CopyTo(segment.AsSpan(10));
        return segment;
    }

    // ---- PNG (ISO/IEC 15948, PNG 3rd edition) ----

    private static readonly string[] PictureChunks =
        ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "pHYs", "cICP", "mDCV", "cLLI", "acTL", "fcTL", "fdAT"];

    private static byte[]? StripPng(ReadOnlySpan<byte> file)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!file.StartsWith(signature))
        {
            return null;
        }

        var output = new MemoryStream(file.Length);
        output.Write(signature);
        var i = signature.Length;
        while (i + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[i..]);
            if (length > int.MaxValue || i + 12 + (long)length > file.Length)
            {
                return null;
            }

            var type = Encoding.ASCII.GetString(file.Slice(i + 4, 4));
            var chunk = file.Slice(i, 12 + (int)length);
            if (PictureChunks.Contains(type, StringComparer.Ordinal))
            {
                output.Write(chunk);
            }

            i += chunk.Length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }

    // ---- HEIC (ISO/IEC 14496-12 boxes, ISO/IEC 23008-12 HEIF items) ----

    private static readonly byte[] EmptyXmp = Encoding.ASCII.GetBytes(
        "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\"/>");

    private static readonly byte[] XmpEnd = Encoding.ASCII.GetBytes("<?xpacket end=\"w\"?>");

    private static byte[]? StripHeic(ReadOnlySpan<byte> file)
    {
        var result = file.ToArray();
        var meta = FindBox(file, 0, file.Length, "meta");
        if (meta is null)
        {
            return null;
        }

        // meta is a full box: 4 bytes of version and flags before its children.
        var (metaStart, metaEnd) = (meta.Value.Content + 4, meta.Value.End);
        var iinf = FindBox(file, metaStart, metaEnd, "iinf");
        var iloc = FindBox(file, metaStart, metaEnd, "iloc");
        if (iinf is null)
        {
            return result; // no items described: nothing that is metadata
        }

        var metadataItems = MetadataItems(file, iinf.Value);
        if (metadataItems is null)
        {
            return null;
        }

        if (metadataItems.Count == 0)
        {
            return result;
        }

        if (iloc is null)
        {
            return null;
        }

        var idat = FindBox(file, metaStart, metaEnd, "idat");
        var extents = ItemExtents(file, iloc.Value, idat);
        if (extents is null)
        {
            return null;
        }

        foreach (var (itemId, kind) in metadataItems)
        {
            if (!extents.TryGetValue(itemId, out var parts))
            {
                continue;
            }

            var total = parts.Sum(p => p.Length);
            var blank = new byte[total];
            if (kind == "Exif")
            {
                // exif_tiff_header_offset (0), then a TIFF header with an empty IFD0; the rest zeros.
                ReadOnlySpan<byte> emptyExif = [0, 0, 0, 0, (byte)'M', (byte)'M', 0x00, 0x2A, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0];
                emptyExif[..Math.Min(emptyExif.Length, total)].CopyTo(blank);
            }
            else
            {
                blank.AsSpan().Fill((byte)' ');
                if (total >= EmptyXmp.Length + XmpEnd.Length)
                {
                    EmptyXmp.CopyTo(blank, 0);
                    XmpEnd.CopyTo(blank, total - XmpEnd.Length);
                }
            }

            var written = 0;
            foreach (var (offset, length) in parts)
            {
                if (offset < 0 || offset + length > result.Length)
                {
                    return null;
                }

                blank.AsSpan(written, length).CopyTo(result.AsSpan((int)offset));
                written += length;
            }
        }

        return result;
    }

    private readonly record struct Box(int Start, int Content, int End);

    private static Box? FindBox(ReadOnlySpan<byte> file, int from, int to, string wanted)
    {
        var i = from;
        while (i + 8 <= to)
        {
            long size = BinaryPrimitives.ReadUInt32BigEndian(file[i..]);
            var header = 8;
            if (size == 1)
            {
                if (i + 16 > to)
                {
                    return null;
                }

                size = (long)BinaryPrimitives.ReadUInt64BigEndian(file[(i + 8)..]);
                header = 16;
            }
            else if (size == 0)
            {
                size = to - i;
            }

            if (size < header || i + size > to)
            {
                return null;
            }

            if (Encoding.ASCII.GetString(file.Slice(i + 4, 4)) == wanted)
            {
                return new Box(i, i + header, (int)(i + size));
            }

            i += (int)size;
        }

        return null;
    }

    /// <summary>The Exif and XMP items listed in iinf (item id, "Exif" or "XMP"); null when iinf cannot be read.</summary>
    private static List<(uint Id, string Kind)>? MetadataItems(ReadOnlySpan<byte> file, Box iinf)
    {
        var items = new List<(uint, string)>();
        var p = iinf.Content;
        if (p + 4 > iinf.End)
        {
            return null;
        }

        var version = file[p];
        p += 4;
        p += version == 0 ? 2 : 4; // entry count: the boxes that follow are read until iinf ends
        while (p + 8 <= iinf.End)
        {
            var infe = FindBox(file, p, iinf.End, "infe");
            if (infe is null || infe.Value.Start != p)
            {
                return null;
            }

            var q = infe.Value.Content;
            var infeVersion = file[q];
            q += 4;
            if (infeVersion >= 2)
            {
                uint id;
                if (infeVersion == 2)
                {
                    id = BinaryPrimitives.ReadUInt16BigEndian(file[q..]);
                    q += 2;
                }
                else
                {
                    id = BinaryPrimitives.ReadUInt32BigEndian(file[q..]);
                    q += 4;
                }

                q += 2; // protection index
                var itemType = Encoding.ASCII.GetString(file.Slice(q, 4));
                q += 4;
                if (itemType == "Exif")
                {
                    items.Add((id, "Exif"));
                }
                else if (itemType == "mime")
                {
                    var name = ReadCString(file, ref q, infe.Value.End);
                    var contentType = ReadCString(file, ref q, infe.Value.End);
                    _ = name;
                    if (contentType.StartsWith("application/rdf+xml", StringComparison.OrdinalIgnoreCase))
                    {
                        items.Add((id, "XMP"));
                    }
                }
            }

            p = infe.Value.End;
        }

        return items;
    }

    private static string ReadCString(ReadOnlySpan<byte> file, ref int at, int end)
    {
        var start = at;
        while (at < end && file[at] != 0)
        {
            at++;
        }

        var text = Encoding.UTF8.GetString(file[start..at]);
        at = Math.Min(at + 1, end);
        return text;
    }

    /// <summary>Where each item's bytes are in the file (iloc versions 0 to 2, in the file or in idat); null when unreadable.</summary>
    private static Dictionary<uint, List<(long Offset, int Length)>>? ItemExtents(ReadOnlySpan<byte> file, Box iloc, Box? idat)
    {
        var p = iloc.Content;
        var version = file[p];
        p += 4;
        var offsetSize = file[p] >> 4;
        var lengthSize = file[p] & 0x0F;
        var baseOffsetSize = file[p + 1] >> 4;
        var indexSize = version is 1 or 2 ? file[p + 1] & 0x0F : 0;
        p += 2;
        uint count;
        if (version < 2)
        {
            count = BinaryPrimitives.ReadUInt16BigEndian(file[p..]);
            p += 2;
        }
        else
        {
            count = BinaryPrimitives.ReadUInt32BigEndian(file[p..]);
            p += 4;
        }

        var result = new Dictionary<uint, List<(long, int)>>();
        {
            for (var n = 0; n < count; n++)
            {
                uint id;
                if (version < 2)
                {
                    id = BinaryPrimitives.ReadUInt16BigEndian(file[p..]);
                    p += 2;
                }
                else
                {
                    id = BinaryPrimitives.ReadUInt32BigEndian(file[p..]);
                    p += 4;
                }

                var construction = 0;
                if (version is 1 or 2)
                {
                    construction = BinaryPrimitives.ReadUInt16BigEndian(file[p..]) & 0x0F;
                    p += 2;
                }

                p += 2; // data reference index
                var baseOffset = (long)ReadSized(file, ref p, baseOffsetSize);
                var extentCount = BinaryPrimitives.ReadUInt16BigEndian(file[p..]);
                p += 2;
                var parts = new List<(long, int)>();
                for (var e = 0; e < extentCount; e++)
                {
                    _ = ReadSized(file, ref p, indexSize);
                    var offset = (long)ReadSized(file, ref p, offsetSize);
                    var length = (long)ReadSized(file, ref p, lengthSize);
                    if (p > iloc.End || length > int.MaxValue)
                    {
                        return null;
                    }

                    var origin = construction switch
                    {
                        0 => 0L,
                        1 when idat is not null => idat.Value.Content,
                        _ => -1L,
                    };
                    if (origin < 0)
                    {
                        return null; // an item made of other items: not a form phones write for metadata
                    }

                    parts.Add((origin + baseOffset + offset, (int)length));
                }

                result[id] = parts;
            }
        }

        return result;
    }

    /// <summary>A big-endian field of 0, 4 or 8 bytes (the sizes an item location box declares), moving past it.</summary>
    private static ulong ReadSized(ReadOnlySpan<byte> file, ref int at, int size)
    {
        ulong value = size switch
        {
            0 => 0,
            4 => BinaryPrimitives.ReadUInt32BigEndian(file[at..]),
            8 => BinaryPrimitives.ReadUInt64BigEndian(file[at..]),
            _ => throw new InvalidDataException(),
        };
        at += size;
        return value;
    }
}
