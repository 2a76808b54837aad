package org.yixian.casework;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;
import org.yixian.shared.InvalidInputException;

/**
 * Photos a citizen sends with a demand (field {@code photos}): at most
 * {@code yixian.public.photos.max-count} (3) files of at most
 * {@code yixian.public.photos.max-size} (5 MB) each, JPEG, PNG or WebP recognised by
 * their first bytes. Before anything is stored the metadata is cut out losslessly,
 * without decoding the picture: from a JPEG every APPn segment but JFIF (APP0), the ICC
 * colour profile (APP2) and Adobe's (APP14), and every comment; the EXIF block (camera,
 * time, GPS position) is replaced by one that holds only the orientation, so that a
 * phone's photo still shows upright. From a PNG the text, time and {@code eXIf} chunks,
 * from a WebP its {@code EXIF} and {@code XMP} chunks. A file whose structure does not
 * parse is refused like a file of another type.
 */
@Component
class CitizenPhotos {

	static final String FIELD = "photos";

	private final int maxCount;

	private final long maxBytes;

	CitizenPhotos(@Value("${yixian.public.photos.max-count:3}") int maxCount,
			@Value("${yixian.public.photos.max-size:5MB}") DataSize maxSize) {
		this.maxCount = maxCount;
		this.maxBytes = maxSize.toBytes();
	}

	int maxCount() {
		return this.maxCount;
	}

	long maxMegabytes() {
		return Math.max(1, this.maxBytes / (1024 * 1024));
	}

	/**
	 * The photos as they will be stored; empty file fields (a form sent without a photo)
	 * are skipped.
	 * @throws InvalidInputException naming {@code photos} for too many, too large or not
	 * a photo
	 */
	List<Photo> check(List<MultipartFile> uploads) {
		List<MultipartFile> files = (uploads == null) ? List.of()
				: uploads.stream().filter((f) -> f != null && !f.isEmpty()).toList();
		if (files.size() > this.maxCount) {
			throw new InvalidInputException(FIELD, "public.photos.tooMany", this.maxCount);
		}
		List<Photo> photos = new ArrayList<>();
		for (MultipartFile file : files) {
			if (file.getSize() > this.maxBytes) {
				throw new InvalidInputException(FIELD, "public.photos.tooLarge",
						Attachments.cleanName(file.getOriginalFilename()), maxMegabytes());
			}
			byte[] bytes;
			try (InputStream in = file.getInputStream()) {
				bytes = in.readNBytes((int) this.maxBytes + 1);
			}
			catch (IOException ex) {
				throw new InvalidInputException(FIELD, "public.photos.type",
						Attachments.cleanName(file.getOriginalFilename()));
			}
			String name = Attachments.cleanName(file.getOriginalFilename());
			Optional<FileType> type = FileType.sniff(java.util.Arrays.copyOf(bytes, Math.min(16, bytes.length)), name)
				.filter((t) -> t == FileType.JPEG || t == FileType.PNG || t == FileType.WEBP);
			byte[] clean = type.map((t) -> strip(t, bytes)).orElse(null);
			if (clean == null) {
				throw new InvalidInputException(FIELD, "public.photos.type", name);
			}
			photos.add(new Photo(name, type.get(), clean));
		}
		return photos;
	}

	static byte[] strip(FileType type, byte[] bytes) {
		try {
			return switch (type) {
				case JPEG -> stripJpeg(bytes);
				case PNG -> stripPng(bytes);
				case WEBP -> stripWebp(bytes);
				default -> null;
			};
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * A JPEG without its metadata segments; null when its segments do not parse up to the
	 * start of the picture data.
	 */
	static byte[] stripJpeg(byte[] in) {
		if (in.length < 4 || (in[0] & 0xFF) != 0xFF || (in[1] & 0xFF) != 0xD8) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(0xFF);
		out.write(0xD8);
		int orientation = 0;
		boolean orientationWritten = false;
		int i = 2;
		while (i < in.length) {
			if ((in[i] & 0xFF) != 0xFF) {
				return null;
			}
			while (i < in.length && (in[i] & 0xFF) == 0xFF) {
				i++;
			}
			if (i >= in.length) {
				return null;
			}
			int marker = in[i] & 0xFF;
			i++;
			if (marker == 0xD8 || marker == 0xD9 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
				out.write(0xFF);
				out.write(marker);
				if (marker == 0xD9) {
					return out.toByteArray();
				}
				continue;
			}
			if (i + 2 > in.length) {
				return null;
			}
			int length = ((in[i] & 0xFF) << 8) | (in[i + 1] & 0xFF);
			if (length < 2 || i + length > in.length) {
				return null;
			}
			boolean keep = marker == 0xE0 || marker == 0xE2 || marker == 0xEE || marker < 0xE0 || marker == 0xFF;
			if (marker == 0xE1 && orientation == 0) {
				orientation = exifOrientation(in, i + 2, length - 2);
			}
			if (marker == 0xFE || (marker >= 0xE1 && marker <= 0xEF && marker != 0xE2 && marker != 0xEE)) {
				keep = false;
			}
			if (!orientationWritten && orientation > 1 && marker != 0xE0 && marker != 0xE1) {
				out.writeBytes(orientationSegment(orientation));
				orientationWritten = true;
			}
			if (keep) {
				out.write(0xFF);
				out.write(marker);
				out.write(in, i, length);
			}
			i += length;
			if (marker == 0xDA) {
				// the entropy-coded data of this scan as it is (stuffed 0xFF00 and
				// restart
				// markers belong to it); the next marker goes through the same filter, so
				// metadata between the scans of a progressive JPEG is dropped too
				int start = i;
				while (i < in.length) {
					if ((in[i] & 0xFF) == 0xFF && i + 1 < in.length) {
						int next = in[i + 1] & 0xFF;
						if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
							i += 2;
							continue;
						}
						break;
					}
					i++;
				}
				out.write(in, start, i - start);
				if (i >= in.length) {
					// no end-of-image marker: ended here
					out.write(0xFF);
					out.write(0xD9);
					return out.toByteArray();
				}
			}
		}
		return null;
	}

	/**
	 * The orientation tag (0x0112) of IFD0 of an APP1 EXIF block, 0 when there is none.
	 */
	static int exifOrientation(byte[] in, int start, int length) {
		if (length < 14 || in[start] != 'E' || in[start + 1] != 'x' || in[start + 2] != 'i' || in[start + 3] != 'f') {
			return 0;
		}
		int tiff = start + 6;
		int end = start + length;
		boolean big = in[tiff] == 'M';
		int ifd = tiff + read(in, tiff + 4, 4, big);
		if (ifd < tiff || ifd + 2 > end) {
			return 0;
		}
		int count = read(in, ifd, 2, big);
		for (int k = 0; k < count; k++) {
			int entry = ifd + 2 + 12 * k;
			if (entry + 12 > end) {
				return 0;
			}
			if (read(in, entry, 2, big) == 0x0112) {
				int value = read(in, entry + 8, 2, big);
				return (value >= 1 && value <= 8) ? value : 0;
			}
		}
		return 0;
	}

	private static int read(byte[] in, int at, int bytes, boolean bigEndian) {
		int value = 0;
		for (int k = 0; k < bytes; k++) {
			int b = in[at + k] & 0xFF;
			value = bigEndian ? (value << 8) | b : value | (b << (8 * k));
		}
		return value;
	}

	/**
	 * An APP1 EXIF segment holding nothing but the orientation.
	 */
	static byte[] orientationSegment(int orientation) {
		byte[] exif = { 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0,
				(byte) orientation, 0, 0, 0, 0, 0, 0 };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(0xFF);
		out.write(0xE1);
		out.write((exif.length + 2) >> 8);
		out.write((exif.length + 2) & 0xFF);
		out.writeBytes(exif);
		return out.toByteArray();
	}

	/**
	 * A PNG without text, time and EXIF chunks; null unless it is a sequence of chunks
	 * from {@code IHDR} to {@code IEND}.
	 */
	static byte[] stripPng(byte[] in) {
		if (in.length < 8 + 12 + 12) {
			return null;
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		out.write(in, 0, 8);
		int i = 8;
		boolean first = true;
		while (i + 12 <= in.length) {
			long length = read(in, i, 4, true) & 0xFFFFFFFFL;
			if (length > in.length - i - 12) {
				return null;
			}
			String type = new String(in, i + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
			if (first && !"IHDR".equals(type)) {
				return null;
			}
			first = false;
			int total = 12 + (int) length;
			switch (type) {
				case "tEXt", "zTXt", "iTXt", "eXIf", "tIME" -> {
				}
				default -> out.write(in, i, total);
			}
			i += total;
			if ("IEND".equals(type)) {
				return out.toByteArray();
			}
		}
		return null;
	}

	/**
	 * A WebP without its EXIF and XMP chunks (and their flags in {@code VP8X}); null
	 * unless its chunks fill the RIFF container.
	 */
	static byte[] stripWebp(byte[] in) {
		if (in.length < 20) {
			return null;
		}
		long riff = read(in, 4, 4, false) & 0xFFFFFFFFL;
		if (riff + 8 > in.length || riff < 12) {
			return null;
		}
		int end = (int) riff + 8;
		ByteArrayOutputStream body = new ByteArrayOutputStream(in.length);
		int i = 12;
		while (i + 8 <= end) {
			String type = new String(in, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
			long size = read(in, i + 4, 4, false) & 0xFFFFFFFFL;
			long padded = size + (size & 1);
			if (i + 8 + size > end) {
				return null;
			}
			int total = (int) Math.min(8 + padded, end - i);
			if (!"EXIF".equals(type) && !"XMP ".equals(type)) {
				int from = body.size();
				body.write(in, i, total);
				if ("VP8X".equals(type) && size >= 1) {
					byte[] sofar = body.toByteArray();
					sofar[from + 8] = (byte) (sofar[from + 8] & ~0x0C);
					body.reset();
					body.writeBytes(sofar);
				}
			}
			i += total;
		}
		if (i != end) {
			return null;
		}
		byte[] chunks = body.toByteArray();
		ByteArrayOutputStream out = new ByteArrayOutputStream(chunks.length + 12);
		out.writeBytes(new byte[] { 'R', 'I', 'F', 'F' });
		int size = chunks.length + 4;
		out.write(size & 0xFF);
		out.write((size >> 8) & 0xFF);
		out.write((size >> 16) & 0xFF);
		out.write((size >> 24) & 0xFF);
		out.writeBytes(new byte[] { 'W', 'E', 'B', 'P' });
		out.writeBytes(chunks);
		return out.toByteArray();
	}

	/**
	 * A photo ready to store.
	 */
	record Photo(String name, FileType type, byte[] content) {
	}

}
