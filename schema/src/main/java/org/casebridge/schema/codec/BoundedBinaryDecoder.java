package org.casebridge.schema.codec;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * An Avro binary decoder over one byte array that never trusts a length it reads.
 *
 * <p>Avro's own decoder allocates a string, a byte array or a collection of the size the input claims before it
 * checks that the input holds that much (its only limits are JVM-wide system properties, by default near 2 GiB). A
 * 20-byte record could then claim a 2 GiB string. Here every length and item count is checked against the bytes
 * that are actually left, so what is allocated is bounded by the size of the record: a claim beyond the end is
 * reported as truncated input ({@link EOFException}), a negative length as malformed ({@link MalformedAvroException}).
 * The item-count check relies on every array or map item of the contract's schemas taking at least one byte,
 * which a test of the schemas enforces.
 */
final class BoundedBinaryDecoder extends Decoder {

    /** Thrown for input that is not valid Avro binary encoding. */
    static final class MalformedAvroException extends IOException {
        MalformedAvroException(String message) {
            super(message);
        }
    }

    private final byte[] buffer;
    private final int limit;
    private int position;

    BoundedBinaryDecoder(byte[] buffer, int offset, int length) {
        this.buffer = buffer;
        this.position = offset;
        this.limit = offset + length;
    }

    /** Position of the next unread byte in the array. */
    int position() {
        return position;
    }

    @Override
    public int remainingBytes() {
        return limit - position;
    }

    @Override
    public void readNull() {
        // null takes no bytes
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = readByte();
        if (b > 1) {
            throw new MalformedAvroException("boolean byte is " + b);
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long raw = readVarint(5);
        if (raw > 0xFFFFFFFFL) {
            throw new MalformedAvroException("int out of range");
        }
        int n = (int) raw;
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public long readLong() throws IOException {
        long n = readVarint(10);
        return (n >>> 1) ^ -(n & 1);
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits = (buffer[position] & 0xff) | (buffer[position + 1] & 0xff) << 8
                | (buffer[position + 2] & 0xff) << 16 | (buffer[position + 3] & 0xff) << 24;
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (buffer[position + i] & 0xff);
        }
        position += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength();
        Utf8 result = old != null ? old : new Utf8();
        result.setByteLength(length);
        System.arraycopy(buffer, position, result.getBytes(), 0, length);
        position += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength();
        String result = new String(buffer, position, length, StandardCharsets.UTF_8);
        position += length;
        return result;
    }

    @Override
    public void skipString() throws IOException {
        position += readLength();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength();
        byte[] copy = new byte[length];
        System.arraycopy(buffer, position, copy, 0, length);
        position += length;
        return ByteBuffer.wrap(copy);
    }

    @Override
    public void skipBytes() throws IOException {
        position += readLength();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(buffer, position, bytes, start, length);
        position += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        position += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readBlockCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return readBlockCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks();
    }

    @Override
    public long readMapStart() throws IOException {
        return readBlockCount();
    }

    @Override
    public long mapNext() throws IOException {
        return readBlockCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    private int readByte() throws IOException {
        require(1);
        return buffer[position++] & 0xff;
    }

    private long readVarint(int maxBytes) throws IOException {
        long value = 0;
        for (int i = 0; i < maxBytes; i++) {
            int b = readByte();
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new MalformedAvroException("variable-length integer longer than " + maxBytes + " bytes");
    }

    private int readLength() throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new MalformedAvroException("negative length " + length);
        }
        require(length);
        return (int) length;
    }

    // A block is a count, then (for a negative count) its size in bytes, then the items.
    private long readBlockCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new MalformedAvroException("bad block count");
            }
            count = -count;
            readLength();
        }
        // Every item of the contract's collections takes at least one byte.
        require(count);
        return count;
    }

    private long skipBlocks() throws IOException {
        while (true) {
            long count = readLong();
            if (count >= 0) {
                require(count);
                return count;
            }
            if (count == Long.MIN_VALUE) {
                throw new MalformedAvroException("bad block count");
            }
            position += readLength();
        }
    }

    private void require(long bytes) throws EOFException {
        if (bytes > limit - position) {
            throw new EOFException("needs " + bytes + " more bytes, " + (limit - position) + " left");
        }
    }
}
