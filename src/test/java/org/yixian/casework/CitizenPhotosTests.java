package org.yixian.casework;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;
import org.yixian.shared.InvalidInputException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The photos a citizen sends: types by their bytes, limits, and metadata cut out without
 * touching the picture.
 */
class CitizenPhotosTests {

	static final String SECRET = "GPSLatitude=31.230416N;GPSLongitude=121.473701E;Make=PhoneCam";

	final CitizenPhotos photos = new CitizenPhotos(3, DataSize.ofMegabytes(5));

	/**
	 * A real JPEG (JFIF) with an EXIF block (orientation 6 and the position of
	 * {@link #SECRET}), an XMP block and a comment, as a phone would send it.
	 */
	static byte[] phoneJpeg() throws IOException {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		for (int x = 0; x < 64; x++) {
			for (int y = 0; y < 48; y++) {
				image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | 90);
			}
		}
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", plain);
		byte[] jpeg = plain.toByteArray();
		int app0End = 4 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
		ByteArrayOutputStream exif = new ByteArrayOutputStream();
		exif.writeBytes(new byte[] { 'E', 'x', 'i', 'f', 0, 0, 'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1,
				0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0 });
		exif.writeBytes(SECRET.getBytes(StandardCharsets.US_ASCII));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, app0End);
		segment(out, 0xE1, exif.toByteArray());
		segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + SECRET + "</x:xmpmeta>")
			.getBytes(StandardCharsets.US_ASCII));
		segment(out, 0xFE, ("comment " + SECRET).getBytes(StandardCharsets.US_ASCII));
		out.write(jpeg, app0End, jpeg.length - app0End);
		return out.toByteArray();
	}

	private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
		out.write(0xFF);
		out.write(marker);
		out.write((data.length + 2) >> 8);
		out.write((data.length + 2) & 0xFF);
		out.writeBytes(data);
	}

	static byte[] pngWithText() throws IOException {
		ByteArrayOutputStream plain = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "png", plain);
		byte[] png = plain.toByteArray();
		// IHDR is 8 + 25 bytes long: a tEXt chunk after it
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(png, 0, 33);
		byte[] text = ("Comment\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
		out.writeBytes(new byte[] { 0, 0, 0, (byte) text.length, 't', 'E', 'X', 't' });
		out.writeBytes(text);
		out.writeBytes(new byte[] { 0, 0, 0, 0 });
		out.write(png, 33, png.length - 33);
		return out.toByteArray();
	}

	@Test
	void a_phones_jpeg_loses_position_xmp_and_comment_keeps_its_orientation_and_still_decodes() throws IOException {
		byte[] sent = phoneJpeg();
		assertThat(new String(sent, StandardCharsets.ISO_8859_1)).contains(SECRET);
		List<CitizenPhotos.Photo> checked = this.photos
			.check(List.of(new MockMultipartFile("photos", "现场.jpg", "image/jpeg", sent)));
		byte[] stored = checked.get(0).content();
		assertThat(checked.get(0).type()).isEqualTo(FileType.JPEG);
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS")
			.doesNotContain("PhoneCam")
			.doesNotContain("xmpmeta")
			.contains("JFIF");
		assertThat(CitizenPhotos.exifOrientation(stored, indexOf(stored, "Exif"), 30)).isEqualTo(6);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(decoded.getWidth()).isEqualTo(64);
		assertThat(decoded.getHeight()).isEqualTo(48);
	}

	@Test
	void metadata_after_the_picture_data_and_after_the_end_of_the_image_is_cut_out_too() throws IOException {
		byte[] jpeg = phoneJpeg();
		int end = jpeg.length - 2;
		assertThat(jpeg[end] & 0xFF).isEqualTo(0xFF);
		assertThat(jpeg[end + 1] & 0xFF).isEqualTo(0xD9);
		ByteArrayOutputStream sent = new ByteArrayOutputStream();
		// a comment segment between the picture data and the end, then a motion-photo
		// style trailer after the end of the image
		sent.write(jpeg, 0, end);
		segment(sent, 0xFE, ("late comment " + SECRET).getBytes(StandardCharsets.US_ASCII));
		sent.write(0xFF);
		sent.write(0xD9);
		sent.writeBytes(("ftypmp42 video ©xyz" + SECRET).getBytes(StandardCharsets.UTF_8));
		List<CitizenPhotos.Photo> checked = this.photos
			.check(List.of(new MockMultipartFile("photos", "现场.jpg", "image/jpeg", sent.toByteArray())));
		byte[] stored = checked.get(0).content();
		assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS")
			.doesNotContain("late comment")
			.doesNotContain("ftyp");
		assertThat(stored[stored.length - 2] & 0xFF).isEqualTo(0xFF);
		assertThat(stored[stored.length - 1] & 0xFF).isEqualTo(0xD9);
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(stored));
		assertThat(decoded.getWidth()).isEqualTo(64);
	}

	@Test
	void png_text_chunks_and_webp_exif_chunks_are_cut_out() throws IOException {
		byte[] png = CitizenPhotos.stripPng(pngWithText());
		assertThat(new String(png, StandardCharsets.ISO_8859_1)).doesNotContain("GPS");
		assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(8);

		byte[] exif = ("Exif\0\0" + SECRET).getBytes(StandardCharsets.ISO_8859_1);
		byte[] vp8 = new byte[10];
		ByteArrayOutputStream chunks = new ByteArrayOutputStream();
		chunks.writeBytes(new byte[] { 'V', 'P', '8', 'X', 10, 0, 0, 0, 0x08, 0, 0, 0, 7, 0, 0, 7, 0, 0 });
		chunks.writeBytes(new byte[] { 'V', 'P', '8', ' ', 10, 0, 0, 0 });
		chunks.writeBytes(vp8);
		chunks.writeBytes(new byte[] { 'E', 'X', 'I', 'F', (byte) exif.length, 0, 0, 0 });
		chunks.writeBytes(exif);
		if (exif.length % 2 == 1) {
			chunks.write(0);
		}
		byte[] body = chunks.toByteArray();
		ByteArrayOutputStream webp = new ByteArrayOutputStream();
		int size = body.length + 4;
		webp.writeBytes(new byte[] { 'R', 'I', 'F', 'F', (byte) size, (byte) (size >> 8), 0, 0, 'W', 'E', 'B', 'P' });
		webp.writeBytes(body);
		byte[] stripped = CitizenPhotos.stripWebp(webp.toByteArray());
		assertThat(new String(stripped, StandardCharsets.ISO_8859_1)).doesNotContain("GPS").contains("VP8 ");
		assertThat(stripped[20] & 0x08).as("the EXIF flag of VP8X is cleared").isZero();
		assertThat(stripped.length - 8).isEqualTo((stripped[4] & 0xFF) | (stripped[5] & 0xFF) << 8);
	}

	@Test
	void a_program_named_jpg_a_broken_jpeg_too_many_and_too_large_photos_are_refused_naming_the_field()
			throws IOException {
		byte[] program = "MZ\u0090\u0000 This program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(
				() -> this.photos.check(List.of(new MockMultipartFile("photos", "photo.jpg", "image/jpeg", program))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).field()).isEqualTo("photos"));
		byte[] broken = java.util.Arrays.copyOf(phoneJpeg(), 40);
		assertThatThrownBy(
				() -> this.photos.check(List.of(new MockMultipartFile("photos", "cut.jpg", "image/jpeg", broken))))
			.isInstanceOf(InvalidInputException.class);
		byte[] gif = "GIF89a.........".getBytes(StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> this.photos.check(List.of(new MockMultipartFile("photos", "a.gif", "image/gif", gif))))
			.as("only JPEG, PNG and WebP from citizens")
			.isInstanceOf(InvalidInputException.class);
		byte[] jpeg = phoneJpeg();
		List<org.springframework.web.multipart.MultipartFile> four = List.of(
				new MockMultipartFile("photos", "1.jpg", "image/jpeg", jpeg),
				new MockMultipartFile("photos", "2.jpg", "image/jpeg", jpeg),
				new MockMultipartFile("photos", "3.jpg", "image/jpeg", jpeg),
				new MockMultipartFile("photos", "4.jpg", "image/jpeg", jpeg));
		assertThatThrownBy(() -> this.photos.check(four)).isInstanceOfSatisfying(InvalidInputException.class,
				(ex) -> assertThat(ex.errors().get(0).key()).isEqualTo("public.photos.tooMany"));
		CitizenPhotos small = new CitizenPhotos(3, DataSize.ofBytes(100));
		assertThatThrownBy(() -> small.check(List.of(new MockMultipartFile("photos", "1.jpg", "image/jpeg", jpeg))))
			.isInstanceOfSatisfying(InvalidInputException.class,
					(ex) -> assertThat(ex.errors().get(0).key()).isEqualTo("public.photos.tooLarge"));
		assertThat(this.photos
			.check(List.of(new MockMultipartFile("photos", "", "application/octet-stream", new byte[0]))))
			.as("an empty file field is no photo")
			.isEmpty();
	}

	static int indexOf(byte[] bytes, String text) {
		byte[] needle = text.getBytes(StandardCharsets.ISO_8859_1);
		outer: for (int i = 0; i + needle.length <= bytes.length; i++) {
			for (int k = 0; k < needle.length; k++) {
				if (bytes[i + k] != needle[k]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

}
