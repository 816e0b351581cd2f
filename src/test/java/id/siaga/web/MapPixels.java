package id.siaga.web;

import id.siaga.support.Browser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;

/** What a map shows in a screenshot of it: how much of it is drawn over the consoles' map background, without any tile. */
final class MapPixels {

    /** The consoles' map background, {@code #0b1016}. */
    static final int[] BACKGROUND = {0x0b, 0x10, 0x16};

    private MapPixels() {
    }

    /** Whether a pixel (red, green, blue, 0-255) is of the colour sought. */
    interface Colour {
        boolean test(int r, int g, int b);
    }

    /** Pixels of the element that differ from the background, and those of them of the colour sought. */
    static int[] count(WebDriver d, String elementId, Colour sought) {
        BufferedImage image;
        try {
            image = ImageIO.read(new ByteArrayInputStream(d.findElement(By.id(elementId)).getScreenshotAs(OutputType.BYTES)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int other = 0;
        int of = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - BACKGROUND[0]) + Math.abs(g - BACKGROUND[1]) + Math.abs(b - BACKGROUND[2]) > 40) {
                    other++;
                }
                if (sought.test(r, g, b)) {
                    of++;
                }
            }
        }
        return new int[] {other, of};
    }

    /** Saves a screenshot of the element under target/screenshots. */
    static void save(WebDriver d, String elementId, String name) {
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(Browser.SCREENSHOTS.resolve(name + ".png"), d.findElement(By.id(elementId)).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
